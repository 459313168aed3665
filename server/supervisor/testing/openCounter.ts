import type { Kysely } from 'kysely';
import type { CentralDatabase } from '../../store/centralDatabase';

/**
 * A counter of Śląska open since `since` (ISO) with urzednik1 logged in and nobody at it,
 * written straight into `queue_counters` (tests only).
 */
export async function insertOpenCounter(
  db: Kysely<CentralDatabase>,
  counterId: string,
  since: string,
): Promise<void> {
  await db
    .insertInto('queue_counters')
    .values({
      counter_id: counterId,
      site_id: 'slaska',
      state: 'open',
      pause_reason: null,
      clerk_user_id: 'demo-urzednik1',
      clerk_login: 'urzednik1',
      clerk_display_name: 'Anna Urzędnik',
      current_ticket_id: null,
      since,
      cycle_priority: 0,
      cycle_ordinary: 0,
      served_day: null,
      served_count: 0,
      updated_at: since,
    })
    .execute();
}
