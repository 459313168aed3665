import type { Selectable } from 'kysely';
import {
  callingRulesSchema,
  DEFAULT_CALLING_RULES,
  type CallingRules,
} from '../../common/contract/central/queue';
import type { Counter } from '../../common/contract/central/reference';
import type { StoreDialect } from '../store/storeConfig';
import { fromStoreJson, fromStoreSeq, toStoreTime } from '../store/storeValues';
import type { QueueCountersTable } from '../store/tables/queueTables';
import { feedHeadSql } from './queueReference';
import type { QueueTx } from './queueTransaction';

export type CounterRow = Selectable<QueueCountersTable>;

/** The counter's row, locked, with what its command needs read in the same statement. */
export type LockedCounter = {
  row: CounterRow;
  /** The calling rules of the counter's site (the defaults when it has none). */
  rules: CallingRules;
  /** The reference feed's head, to check the cached reference data against. */
  referenceHead: string;
};

function select(tx: QueueTx, dialect: StoreDialect, counterId: string, siteId: string) {
  const query = tx
    .selectFrom('queue_counters as c')
    .leftJoin('queue_rules as r', (join) => join.on((eb) => eb('r.site_id', '=', siteId)))
    .selectAll('c')
    .select(['r.rules as site_rules', feedHeadSql.as('reference_head')])
    .where('c.counter_id', '=', counterId);
  return (dialect === 'postgres' ? query.forUpdate(['c']) : query).executeTakeFirst();
}

/**
 * Takes the counter's row for the rest of the transaction, making it on the counter's first
 * command, and reads its site's calling rules and the reference feed's head in the same round
 * trip. On PostgreSQL `FOR UPDATE`: a second command of the same counter (a double click, two
 * tabs) waits for the first to commit and then sees what it did. On SQLite the transaction
 * already holds the write lock.
 */
export async function lockCounterRow(
  tx: QueueTx,
  dialect: StoreDialect,
  counter: Counter,
  now: Date,
): Promise<LockedCounter> {
  let found = await select(tx, dialect, counter.id, counter.siteId);
  if (!found) {
    await tx
      .insertInto('queue_counters')
      .values({
        counter_id: counter.id,
        site_id: counter.siteId,
        state: 'closed',
        pause_reason: null,
        clerk_user_id: null,
        clerk_login: null,
        clerk_display_name: null,
        current_ticket_id: null,
        since: null,
        cycle_priority: 0,
        cycle_ordinary: 0,
        served_day: null,
        served_count: 0,
        updated_at: toStoreTime(now),
      })
      .onConflict((conflict) => conflict.column('counter_id').doNothing())
      .execute();
    found = await select(tx, dialect, counter.id, counter.siteId);
    if (!found) throw new Error(`The row of counter ${counter.id} was not made.`);
  }
  const { site_rules: siteRules, reference_head: head, ...row } = found;
  return {
    row,
    rules:
      siteRules === null || siteRules === undefined
        ? DEFAULT_CALLING_RULES
        : callingRulesSchema.parse(fromStoreJson(siteRules)),
    referenceHead: head === null ? '0' : fromStoreSeq(head),
  };
}

export type CounterChange = Partial<
  Pick<
    CounterRow,
    | 'state'
    | 'pause_reason'
    | 'clerk_user_id'
    | 'clerk_login'
    | 'clerk_display_name'
    | 'current_ticket_id'
    | 'cycle_priority'
    | 'cycle_ordinary'
    | 'served_day'
    | 'served_count'
  >
> & { since?: string | null };

/** Changes the counter's row and answers it as it is now. */
export async function updateCounterRow(
  tx: QueueTx,
  counterId: string,
  change: CounterChange,
  now: Date,
): Promise<CounterRow> {
  return tx
    .updateTable('queue_counters')
    .set({ ...change, updated_at: toStoreTime(now) })
    .where('counter_id', '=', counterId)
    .returningAll()
    .executeTakeFirstOrThrow();
}
