/**
 * How a message reaches a resident: an SMS gateway or a mail server in production (not part of
 * this app yet), the demo sender here. A sender throws when the message did not go out; the
 * dispatcher then tries again later.
 */
export type OutgoingNotification = {
  id: string;
  kind: 'locker-pickup-code';
  channel: 'sms' | 'email';
  recipient: string;
  body: string;
};

export interface NotificationSender {
  send(message: OutgoingNotification): Promise<void>;
}

export type NotificationLogger = {
  info(details: Record<string, unknown>, message: string): void;
};

/**
 * The demo sender: sends nothing, logs that a message of this kind would have gone out by this
 * channel. Never the recipient nor the body: the body holds the pickup code.
 */
export function createLoggingSender(logger: NotificationLogger): NotificationSender {
  return {
    async send(message) {
      logger.info(
        { notificationId: message.id, kind: message.kind, channel: message.channel },
        'demo notification sender: message marked sent (no gateway configured)',
      );
    },
  };
}
