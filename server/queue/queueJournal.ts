import type { QueueChange } from '../../common/contract/central/queue';
import { toStoreJson, toStoreTime } from '../store/storeValues';
import type { QueueTx } from './queueTransaction';

/** One journal row: a queue command, who did it and when (written in the command's transaction). */
export type JournalEntry = {
  siteId: string;
  day: string;
  at: Date;
  action: QueueChange;
  actor: string;
  ticket?: { id: string; number: string; categoryId: string } | null;
  counter?: { id: string; number: number } | null;
  details?: Record<string, unknown>;
};

/** The journal's actions that call a resident to a counter: the display board's calls. */
export const DISPLAY_CALL_ACTIONS: readonly QueueChange[] = [
  'ticket-called',
  'ticket-called-out-of-order',
  'ticket-recalled',
];

export async function writeJournal(tx: QueueTx, entry: JournalEntry): Promise<void> {
  await tx
    .insertInto('queue_journal')
    .values({
      site_id: entry.siteId,
      day: entry.day,
      at: toStoreTime(entry.at),
      action: entry.action,
      actor: entry.actor,
      ticket_id: entry.ticket?.id ?? null,
      ticket_number: entry.ticket?.number ?? null,
      category_id: entry.ticket?.categoryId ?? null,
      counter_id: entry.counter?.id ?? null,
      counter_number: entry.counter?.number ?? null,
      details: toStoreJson(entry.details ?? {}),
    })
    .execute();
}
