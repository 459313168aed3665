import type { Clock } from '../clock';
import type { CentralStore } from '../store/openCentralStore';
import {
  markNotificationFailed,
  markNotificationSent,
  pendingNotifications,
} from './notificationOutbox';
import type { NotificationSender } from './notificationSender';

const BATCH = 50;

export type DispatchLogger = {
  warn(details: Record<string, unknown>, message: string): void;
};

/**
 * Sends what waits in the notification outbox, oldest first, one by one; answers how many went
 * out. A message the sender refuses stays pending (its attempt counted) for the next round.
 */
export async function dispatchNotifications(
  store: CentralStore,
  sender: NotificationSender,
  clock: Clock,
  logger: DispatchLogger,
): Promise<number> {
  let sent = 0;
  for (const message of await pendingNotifications(store.db, BATCH)) {
    try {
      await sender.send(message);
      await markNotificationSent(store.db, message.id, clock.now());
      sent += 1;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // The id and the channel only: the message holds the pickup code.
      logger.warn(
        { notificationId: message.id, channel: message.channel },
        'notification not sent',
      );
      await markNotificationFailed(store.db, message.id, reason);
    }
  }
  return sent;
}

/**
 * Runs `dispatchNotifications` every `intervalMs` (and when `poke` is called), one round at a
 * time. `stop` waits for a round in progress.
 */
export function startNotificationDispatch(options: {
  store: CentralStore;
  sender: NotificationSender;
  clock: Clock;
  logger: DispatchLogger & { error(details: Record<string, unknown>, message: string): void };
  intervalMs?: number;
}) {
  let running: Promise<void> | null = null;
  let stopped = false;
  const round = () => {
    if (running || stopped) return;
    running = dispatchNotifications(options.store, options.sender, options.clock, options.logger)
      .then(() => undefined)
      .catch((error: unknown) => options.logger.error({ err: error }, 'notification round failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(round, options.intervalMs ?? 10_000);
  timer.unref();
  return {
    poke: round,
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
