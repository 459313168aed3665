import { sql, type Kysely } from 'kysely';
import type { Workstation } from '../../common/contract/central/auth';
import {
  mutationTypeSchema,
  type Mutation,
  type MutationResult,
} from '../../common/contract/central/sync';
import { describeIssues, issuesFromZod } from '../../common/contract/ipcError';
import type { CentralDatabase } from '../store/centralDatabase';
import type { CentralStore } from '../store/openCentralStore';
import type { StoreDialect } from '../store/storeConfig';
import { fromStoreJson, toStoreJson, toStoreTime } from '../store/storeValues';
import type { ApplyOutcome, MutationContext } from './mutationHandler';
import { handlerFor } from './mutationHandlers';

/** What the server decided about one mutation before touching the store. */
type Plan =
  | { kind: 'apply'; mutation: Mutation; payload: unknown }
  | { kind: 'reject'; mutation: Mutation; reason: string };

export type PushOutcome = { results: MutationResult[]; newlyApplied: number };

/** Rows per statement: two bound values a row stays far below SQLite's 32,766. */
const CHUNK = 500;

function plan(mutation: Mutation, context: MutationContext): Plan {
  const handler = handlerFor(mutation.type);
  if (!handler) {
    return {
      kind: 'reject',
      mutation,
      reason: `Unknown mutation type "${mutation.type}"; this server applies ${mutationTypeSchema.options.join(', ')}.`,
    };
  }
  const parsed = handler.payloadSchema.safeParse(mutation.payload);
  if (!parsed.success) {
    return {
      kind: 'reject',
      mutation,
      reason: `The payload is not valid: ${describeIssues(issuesFromZod(parsed.error))}`,
    };
  }
  const broken = handler.check(parsed.data, context);
  return broken === null
    ? { kind: 'apply', mutation, payload: parsed.data }
    : { kind: 'reject', mutation, reason: broken };
}

/**
 * Claims the batch's ids in one INSERT … ON CONFLICT DO NOTHING: the ids it returns are new
 * to the store, the others were applied (or rejected) before and keep their first answer.
 * The rows go in id order: two overlapping batches on PostgreSQL then wait for each other's
 * ids in the same order and cannot deadlock; the second sees the first's rows once it commits.
 */
async function claim(
  tx: Kysely<CentralDatabase>,
  plans: readonly Plan[],
  context: MutationContext,
): Promise<Set<string>> {
  const rows = [...plans]
    .sort((x, y) => (x.mutation.id < y.mutation.id ? -1 : x.mutation.id > y.mutation.id ? 1 : 0))
    .map((item) => ({
      id: item.mutation.id,
      workstation_id: context.workstation.id,
      type: item.mutation.type,
      status: item.kind === 'apply' ? ('applied' as const) : ('rejected' as const),
      result: null,
      reason: item.kind === 'reject' ? item.reason : null,
      received_at: toStoreTime(context.now),
    }));
  const claimed = await tx
    .insertInto('sync_mutations')
    .values(rows)
    .onConflict((conflict) => conflict.column('id').doNothing())
    .returning('id')
    .execute();
  return new Set(claimed.map((row) => row.id));
}

/**
 * Applies the new mutations in the batch's order, a run of one type at a time, and stores each
 * one's outcome: a result, or the reason a handler rejected it in `apply`.
 */
async function applyNew(
  tx: Kysely<CentralDatabase>,
  plans: readonly Extract<Plan, { kind: 'apply' }>[],
  context: MutationContext & { dialect: StoreDialect },
): Promise<Map<string, ApplyOutcome>> {
  const outcomes = new Map<string, ApplyOutcome>();
  let start = 0;
  while (start < plans.length) {
    const type = plans[start]?.mutation.type;
    let end = start;
    while (end < plans.length && plans[end]?.mutation.type === type) end += 1;
    const run = plans.slice(start, end);
    const handler = handlerFor(run[0]?.mutation.type ?? '');
    if (!handler) throw new Error(`No handler for a planned mutation of type ${type}`);
    const runOutcomes = await handler.apply(tx, run, context);
    if (runOutcomes.length !== run.length) {
      throw new Error(`The ${type} handler answered ${runOutcomes.length} of ${run.length}`);
    }
    run.forEach((item, index) => {
      const outcome = runOutcomes[index];
      if (outcome) outcomes.set(item.mutation.id, outcome);
    });
    start = end;
  }
  const applied: [string, Record<string, unknown>][] = [];
  const rejected: [string, string][] = [];
  for (const [id, outcome] of outcomes) {
    if (outcome.status === 'applied') applied.push([id, outcome.result]);
    else rejected.push([id, outcome.reason]);
  }
  await storeResults(tx, context.dialect, applied);
  await storeLateRejections(tx, rejected);
  return outcomes;
}

/** Turns claimed rows into rejections: rare (a case type deleted under a PC), so one by one. */
async function storeLateRejections(
  tx: Kysely<CentralDatabase>,
  rejected: readonly [string, string][],
): Promise<void> {
  for (const [id, reason] of rejected) {
    await tx
      .updateTable('sync_mutations')
      .set({ status: 'rejected', reason })
      .where('id', '=', id)
      .execute();
  }
}

/**
 * Stores the results of the applied mutations in one UPDATE (a CASE over the ids): a batch of
 * 500 is one round trip to PostgreSQL, not 500.
 */
async function storeResults(
  tx: Kysely<CentralDatabase>,
  dialect: StoreDialect,
  results: readonly [string, Record<string, unknown>][],
): Promise<void> {
  const json = (value: unknown) =>
    dialect === 'postgres' ? sql`cast(${toStoreJson(value)} as jsonb)` : sql`${toStoreJson(value)}`;
  for (let start = 0; start < results.length; start += CHUNK) {
    const chunk = results.slice(start, start + CHUNK);
    const cases = sql.join(
      chunk.map(([id, result]) => sql`when ${sql.ref('id')} = ${id} then ${json(result)}`),
      sql` `,
    );
    await tx
      .updateTable('sync_mutations')
      .set({ result: sql<string>`case ${cases} end` })
      .where(
        'id',
        'in',
        chunk.map(([id]) => id),
      )
      .execute();
  }
}

/** The stored answers of mutations seen before. */
async function storedResults(
  tx: Kysely<CentralDatabase>,
  ids: readonly string[],
): Promise<Map<string, MutationResult>> {
  const answers = new Map<string, MutationResult>();
  if (ids.length === 0) return answers;
  const rows = await tx
    .selectFrom('sync_mutations')
    .select(['id', 'status', 'result', 'reason'])
    .where('id', 'in', ids)
    .execute();
  for (const row of rows) {
    answers.set(
      row.id,
      row.status === 'applied'
        ? {
            id: row.id,
            status: 'applied',
            result: (fromStoreJson(row.result) ?? {}) as Record<string, unknown>,
          }
        : { id: row.id, status: 'rejected', reason: row.reason ?? '' },
    );
  }
  return answers;
}

/**
 * Applies a pushed batch: each mutation id at most once, in one transaction. A replayed batch
 * changes nothing and gets the same answer (each id's first answer is stored, rejections
 * included); an unknown type or a payload that fails its schema rejects that mutation only.
 * An id sent twice in one batch is answered twice with the same answer.
 */
export async function pushMutations(
  store: CentralStore,
  workstation: Workstation,
  mutations: readonly Mutation[],
  now: Date,
): Promise<PushOutcome> {
  const context: MutationContext = { workstation, now };
  const firstById = new Map<string, Plan>();
  for (const mutation of mutations) {
    if (!firstById.has(mutation.id)) firstById.set(mutation.id, plan(mutation, context));
  }
  const plans = [...firstById.values()];

  const answers = await store.db.transaction().execute(async (tx) => {
    const fresh = await claim(tx, plans, context);
    const toApply = plans.filter(
      (item): item is Extract<Plan, { kind: 'apply' }> =>
        item.kind === 'apply' && fresh.has(item.mutation.id),
    );
    const outcomes = await applyNew(tx, toApply, { ...context, dialect: store.dialect });
    const seenBefore = await storedResults(
      tx,
      plans.map((item) => item.mutation.id).filter((id) => !fresh.has(id)),
    );
    const byId = new Map<string, MutationResult>(seenBefore);
    for (const item of plans) {
      if (!fresh.has(item.mutation.id)) continue;
      const id = item.mutation.id;
      const outcome: ApplyOutcome =
        item.kind === 'apply'
          ? (outcomes.get(id) ?? { status: 'applied', result: {} })
          : { status: 'rejected', reason: item.reason };
      byId.set(id, { id, ...outcome });
    }
    const newlyApplied = [...outcomes.values()].filter((o) => o.status === 'applied').length;
    return { byId, newlyApplied };
  });

  const results = mutations.map((mutation) => {
    const answer = answers.byId.get(mutation.id);
    if (!answer) throw new Error(`No answer for mutation ${mutation.id}`);
    return answer;
  });
  return { results, newlyApplied: answers.newlyApplied };
}
