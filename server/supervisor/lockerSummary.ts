import type { Kysely } from 'kysely';
import type { LockerSummary } from '../../common/contract/central/supervisor';
import { addDays, type CivilDate } from '../../common/domain/civilDate';
import type { CentralDatabase } from '../store/centralDatabase';

const count = (row: { n: string | number } | undefined) => Number(row?.n ?? 0);

/**
 * The urzędomat of a site today (`locker_deposits`, server/lockers/): deposits put in today,
 * those waiting whose last pickup day is today or tomorrow, and those past it. No personal data:
 * counts only.
 */
export async function lockerSummary(
  db: Kysely<CentralDatabase>,
  site: { id: string; hasLocker: boolean },
  day: CivilDate,
): Promise<LockerSummary> {
  if (!site.hasLocker) return { available: false, depositsToday: 0, expiringSoon: 0, expired: 0 };
  const deposits = () =>
    db
      .selectFrom('locker_deposits')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('site_id', '=', site.id);
  const [today, expiring, expired] = await Promise.all([
    deposits()
      .where('deposit_date', '=', day)
      .where('state', 'in', ['deposited', 'picked-up', 'expired'])
      .executeTakeFirst(),
    deposits()
      .where('state', '=', 'deposited')
      .where('last_pickup_day', '>=', day)
      .where('last_pickup_day', '<=', addDays(day, 1))
      .executeTakeFirst(),
    deposits()
      .where((eb) =>
        eb.or([
          eb('state', '=', 'expired'),
          eb.and([eb('state', '=', 'deposited'), eb('last_pickup_day', '<', day)]),
        ]),
      )
      .executeTakeFirst(),
  ]);
  return {
    available: true,
    depositsToday: count(today),
    expiringSoon: count(expiring),
    expired: count(expired),
  };
}
