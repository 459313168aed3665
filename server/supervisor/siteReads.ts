import type { Kysely } from 'kysely';
import type { SupervisorAction } from '../../common/contract/central/supervisor';
import type { CentralDatabase } from '../store/centralDatabase';
import { fromStoreJson, fromStoreTime, toStoreTime } from '../store/storeValues';

const ms = (value: Date | string): number =>
  value instanceof Date ? value.getTime() : Date.parse(value);

/** The counter PCs of a site (by counter number) and when each last pushed a mutation. */
export async function counterWorkstations(
  db: Kysely<CentralDatabase>,
  siteId: string,
): Promise<Map<number, { workstationId: string; lastPushAt: number | null }>> {
  const workstations = await db
    .selectFrom('workstations')
    .select(['id', 'counter_number'])
    .where('site_id', '=', siteId)
    .where('counter_number', 'is not', null)
    .execute();
  const ids = workstations.map((row) => row.id);
  const pushes =
    ids.length === 0
      ? []
      : await db
          .selectFrom('sync_mutations')
          .select(['workstation_id', (eb) => eb.fn.max('received_at').as('last')])
          .where('workstation_id', 'in', ids)
          .groupBy('workstation_id')
          .execute();
  const last = new Map(pushes.map((row) => [row.workstation_id, row.last]));
  const byCounter = new Map<number, { workstationId: string; lastPushAt: number | null }>();
  for (const row of workstations) {
    const pushed = last.get(row.id);
    const entry = { workstationId: row.id, lastPushAt: pushed ? ms(pushed) : null };
    const known = byCounter.get(row.counter_number!);
    // Two PCs registered for one counter (one replaced): the one that pushed last counts.
    if (!known || (entry.lastPushAt ?? 0) > (known.lastPushAt ?? 0)) {
      byCounter.set(row.counter_number!, entry);
    }
  }
  return byCounter;
}

/** Appointments due from now to an hour ahead, not yet called, per category. */
export async function appointmentsNextHour(
  db: Kysely<CentralDatabase>,
  siteId: string,
  day: string,
  now: Date,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('queue_appointments as a')
    .leftJoin('queue_tickets as t', 't.id', 'a.ticket_id')
    .select(['a.category_id', (eb) => eb.fn.countAll<string | number>().as('due')])
    .where('a.site_id', '=', siteId)
    .where('a.day', '=', day)
    .where('a.due_at', '>=', toStoreTime(now))
    .where('a.due_at', '<', toStoreTime(new Date(now.getTime() + 60 * 60_000)))
    .where((eb) =>
      eb.or([
        eb('a.status', '=', 'booked'),
        eb.and([eb('a.status', '=', 'checked-in'), eb('t.status', '=', 'waiting')]),
      ]),
    )
    .groupBy('a.category_id')
    .execute();
  return new Map(rows.map((row) => [row.category_id, Number(row.due)]));
}

/** Display names of staff by login (the clerks of the day's figures). */
export async function displayNames(
  db: Kysely<CentralDatabase>,
  logins: readonly string[],
): Promise<Map<string, string>> {
  if (logins.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['login', 'display_name'])
    .where('login', 'in', [...logins])
    .execute();
  return new Map(rows.map((row) => [row.login, row.display_name]));
}

/** The day's supervisor actions at a site, newest first. */
export async function actionsOfDay(
  db: Kysely<CentralDatabase>,
  siteId: string,
  day: string,
  limit?: number,
): Promise<SupervisorAction[]> {
  let query = db
    .selectFrom('supervisor_actions')
    .selectAll()
    .where('site_id', '=', siteId)
    .where('day', '=', day)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc');
  if (limit !== undefined) query = query.limit(limit);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.id,
    siteId: row.site_id,
    kind: row.kind,
    actor: row.actor,
    at: fromStoreTime(row.at),
    counterId: row.counter_id,
    ticketNumber: row.ticket_number,
    details: (fromStoreJson(row.details) ?? {}) as Record<string, unknown>,
  }));
}
