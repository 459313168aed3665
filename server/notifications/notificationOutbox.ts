import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../store/centralDatabase';
import { fromStoreTime, toStoreTime } from '../store/storeValues';
import type { OutgoingNotification } from './notificationSender';

/** After this many failed attempts a message is `failed` and no longer retried. */
export const MAX_NOTIFICATION_ATTEMPTS = 10;

/**
 * Writes a message to the outbox, inside the transaction of the change it tells of: both commit
 * or neither does. One message per subject (the deposit): a second is ignored.
 */
export async function enqueueNotification(
  tx: Kysely<CentralDatabase>,
  message: OutgoingNotification & { subjectId: string },
  now: Date,
): Promise<void> {
  await tx
    .insertInto('notification_outbox')
    .values({
      id: message.id,
      kind: message.kind,
      subject_id: message.subjectId,
      channel: message.channel,
      recipient: message.recipient,
      body: message.body,
      status: 'pending',
      attempts: 0,
      last_error: null,
      created_at: toStoreTime(now),
      sent_at: null,
    })
    .onConflict((conflict) => conflict.column('subject_id').doNothing())
    .execute();
}

/** The oldest messages still to send. */
export async function pendingNotifications(
  db: Kysely<CentralDatabase>,
  limit: number,
): Promise<OutgoingNotification[]> {
  const rows = await db
    .selectFrom('notification_outbox')
    .select(['id', 'kind', 'channel', 'recipient', 'body'])
    .where('status', '=', 'pending')
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.flatMap((row) =>
    row.recipient !== null && row.body !== null
      ? [
          {
            id: row.id,
            kind: row.kind,
            channel: row.channel,
            recipient: row.recipient,
            body: row.body,
          },
        ]
      : [],
  );
}

/** Sent: the body (the pickup code) and the recipient are erased; only the fact remains. */
export async function markNotificationSent(
  db: Kysely<CentralDatabase>,
  id: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('notification_outbox')
    .set({
      status: 'sent',
      sent_at: toStoreTime(now),
      body: null,
      recipient: null,
      last_error: null,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** A failed attempt; after too many the message is given up (its body erased too). */
export async function markNotificationFailed(
  db: Kysely<CentralDatabase>,
  id: string,
  error: string,
): Promise<void> {
  const row = await db
    .selectFrom('notification_outbox')
    .select('attempts')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return;
  const attempts = Number(row.attempts) + 1;
  const givenUp = attempts >= MAX_NOTIFICATION_ATTEMPTS;
  await db
    .updateTable('notification_outbox')
    .set({
      attempts,
      last_error: error.slice(0, 500),
      ...(givenUp ? { status: 'failed' as const, body: null, recipient: null } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

export type NotificationRecord = {
  id: string;
  kind: string;
  subjectId: string;
  channel: 'sms' | 'email';
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  createdAt: string;
  sentAt: string | null;
};

/** The message about one subject, without its body or recipient (for the staff's views). */
export async function notificationFor(
  db: Kysely<CentralDatabase>,
  subjectId: string,
): Promise<NotificationRecord | null> {
  const row = await db
    .selectFrom('notification_outbox')
    .select(['id', 'kind', 'subject_id', 'channel', 'status', 'attempts', 'created_at', 'sent_at'])
    .where('subject_id', '=', subjectId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    kind: row.kind,
    subjectId: row.subject_id,
    channel: row.channel,
    status: row.status,
    attempts: Number(row.attempts),
    createdAt: fromStoreTime(row.created_at),
    sentAt: row.sent_at === null ? null : fromStoreTime(row.sent_at),
  };
}
