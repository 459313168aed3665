import type { ClerkSession, LockerDeposit } from '../../../common/contract';
import { siteLocalTime } from '../../../common/domain/siteClock';

/**
 * The locker desk at ul. Focha, without React: who sees it and how the clerk finds a case.
 */

/** The locker desk, not a counter: someone with the locker role and not a clerk's. */
export function isLockerDesk(session: Pick<ClerkSession, 'user'> | null | undefined): boolean {
  const roles = session?.user.roles ?? [];
  return roles.includes('locker') && !roles.includes('clerk');
}

/** A case number as typed or printed, for comparing: capitals, no spaces. */
function caseNumberKey(text: string): string {
  return text.toUpperCase().replace(/\s+/g, '');
}

/**
 * The items whose case number holds what the clerk typed, anywhere (`123` finds
 * `KM.5410.123.2025`, `km.5410` finds it too); all of them while nothing is typed.
 */
export function matchCaseNumber<T extends { caseNumber: string }>(
  items: readonly T[],
  query: string,
): T[] {
  const wanted = caseNumberKey(query);
  if (wanted === '') return [...items];
  return items.filter((item) => caseNumberKey(item.caseNumber).includes(wanted));
}

/** The civil date (`2026-03-03`) of an instant at the site. */
export function siteCivilDate(instant: Date): string {
  return siteLocalTime(instant).day;
}

type DeskDeposit = Pick<LockerDeposit, 'state' | 'stateAt' | 'depositDate' | 'history'>;

/** Deposits still on the desk: prepared or with a label, not yet in the locker. */
const ON_THE_DESK: ReadonlySet<LockerDeposit['state']> = new Set(['prepared', 'label-printed']);

/**
 * The desk's day: every deposit still on the desk (whatever day it was prepared: it has not gone
 * into the locker yet) and every deposit something happened to today, newest change first.
 */
export function depositsOfTheDay<T extends DeskDeposit>(
  deposits: readonly T[],
  today: string,
): T[] {
  return deposits
    .filter(
      (deposit) =>
        ON_THE_DESK.has(deposit.state) ||
        deposit.depositDate === today ||
        deposit.history.some((entry) => siteCivilDate(new Date(entry.at)) === today),
    )
    .sort((a, b) => Date.parse(b.stateAt) - Date.parse(a.stateAt));
}
