import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  SupervisorAction,
  SupervisorActionKind,
} from '../../common/contract/central/supervisor';
import type { CentralDatabase } from '../store/centralDatabase';
import { toStoreJson, toStoreTime } from '../store/storeValues';

export type ActionEntry = {
  siteId: string;
  day: string;
  kind: SupervisorActionKind;
  actor: string;
  at: Date;
  counterId: string | null;
  ticketNumber: string | null;
  details: Record<string, unknown>;
};

/** Records one supervisor action (in the caller's transaction, when it has one). */
export async function recordAction(
  db: Kysely<CentralDatabase>,
  entry: ActionEntry,
): Promise<SupervisorAction> {
  const id = randomUUID();
  await db
    .insertInto('supervisor_actions')
    .values({
      id,
      site_id: entry.siteId,
      day: entry.day,
      kind: entry.kind,
      actor: entry.actor,
      at: toStoreTime(entry.at),
      counter_id: entry.counterId,
      ticket_number: entry.ticketNumber,
      details: toStoreJson(entry.details),
    })
    .execute();
  return {
    id,
    siteId: entry.siteId,
    kind: entry.kind,
    actor: entry.actor,
    at: entry.at.toISOString(),
    counterId: entry.counterId,
    ticketNumber: entry.ticketNumber,
    details: entry.details,
  };
}
