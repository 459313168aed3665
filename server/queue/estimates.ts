import { sql } from 'kysely';
import type { Category } from '../../common/contract/central/reference';
import { fromStoreTime } from '../store/storeValues';
import type { QueueReference } from './queueReference';
import type { QueueTx } from './queueTransaction';

/** Finished visits per category whose median gives its service time. */
export const SERVICE_TIME_SAMPLE = 20;

/** What the estimated wait of each category of a site rests on. */
export type CategoryPace = {
  /** Median service time of the last visits finished today, or the rules' default; minutes. */
  serviceMinutes: number;
  /** Counters open for it now; when none is open, those that serve it (they will open). */
  counters: number;
};

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The pace of every category of a site today: the median of its last finished visits (the
 * service time, from the call that began the visit to its finish) and its open counters.
 */
export async function sitePace(
  db: QueueTx,
  reference: QueueReference,
  siteId: string,
  day: string,
  defaultServiceMinutes: number,
): Promise<Map<string, CategoryPace>> {
  const [samples, openRows] = await Promise.all([
    sql<{ category_id: string; served_at: Date | string; finished_at: Date | string }>`
      select category_id, served_at, finished_at from (
        select category_id, served_at, finished_at,
          row_number() over (partition by category_id order by finished_at desc) as recent
        from queue_tickets
        where site_id = ${siteId} and day = ${day} and status = 'done' and served_at is not null
      ) as finished
      where recent <= ${SERVICE_TIME_SAMPLE}`.execute(db),
    db
      .selectFrom('queue_counters')
      .select('counter_id')
      .where('site_id', '=', siteId)
      .where('state', '=', 'open')
      .execute(),
  ]);
  const minutesByCategory = new Map<string, number[]>();
  for (const row of samples.rows) {
    const minutes =
      (Date.parse(fromStoreTime(row.finished_at)) - Date.parse(fromStoreTime(row.served_at))) /
      60_000;
    const list = minutesByCategory.get(row.category_id) ?? [];
    list.push(Math.max(0, minutes));
    minutesByCategory.set(row.category_id, list);
  }
  const open = new Set(openRows.map((row) => row.counter_id));
  const counters = reference.countersOf(siteId);
  const pace = new Map<string, CategoryPace>();
  for (const category of reference.categoriesOf(siteId)) {
    const serving = counters.filter((counter) => counter.categoryIds.includes(category.id));
    const openServing = serving.filter((counter) => open.has(counter.id)).length;
    pace.set(category.id, {
      serviceMinutes: median(minutesByCategory.get(category.id) ?? []) ?? defaultServiceMinutes,
      counters: Math.max(1, openServing > 0 ? openServing : serving.length),
    });
  }
  return pace;
}

/** Minutes until a resident with `ahead` tickets before them reaches a counter. */
export function estimatedWaitMinutes(ahead: number, pace: CategoryPace): number {
  return Math.ceil((ahead * pace.serviceMinutes) / pace.counters);
}

/** A category's pace (a fallback for a category the site pace lacks). */
export function paceOf(
  pace: ReadonlyMap<string, CategoryPace>,
  category: Category,
  defaultServiceMinutes: number,
): CategoryPace {
  return pace.get(category.id) ?? { serviceMinutes: defaultServiceMinutes, counters: 1 };
}
