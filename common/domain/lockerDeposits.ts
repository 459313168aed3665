import { addDays, type CivilDate } from './civilDate';
import { siteLocalTime } from './siteClock';

/**
 * The urzędomat's calendar (docs/lockers.md), computed alike by the central server and by the
 * locker desk PC, so both call the same deposit expiring or expired on the same day.
 */

/** The Warsaw calendar day of an instant (`2026-09-01`): every site keeps Polish time. */
export function lockerDayOf(instant: Date): CivilDate {
  return siteLocalTime(instant).day;
}

/** The last day of pickup of a deposit made on `depositDate`, `pickupDays` later. */
export function lastPickupDayFor(depositDate: CivilDate, pickupDays: number): CivilDate {
  return addDays(depositDate, pickupDays);
}

/**
 * ok: in time; expiring: the last day of pickup is today or tomorrow (within one day), so the
 * desk plans to take it back; expired: the last day has passed.
 */
export type DepositExpiry = 'ok' | 'expiring' | 'expired';

export function depositExpiry(lastPickupDay: CivilDate, today: CivilDate): DepositExpiry {
  if (today > lastPickupDay) return 'expired';
  if (addDays(today, 1) >= lastPickupDay) return 'expiring';
  return 'ok';
}

/** Why a case cannot be deposited, as both the desk and the server decide it. */
export type DepositRefusalReason =
  | 'no-locker-at-site'
  | 'unknown-case'
  | 'not-locker-eligible'
  | 'not-ready'
  | 'already-deposited'
  | 'no-contact';

export type DepositFacts = {
  siteHasLocker: boolean;
  caseKnown: boolean;
  /** The case type allows pickup from the locker. */
  lockerPickup: boolean;
  /** The case's result was marked ready. */
  ready: boolean;
  /** Another deposit of the case is neither picked up nor returned. */
  hasActiveDeposit: boolean;
  /** A phone number or an e-mail address to send the pickup code to. */
  hasContact: boolean;
};

/** The first rule a case breaks, in the order a clerk can act on them; null: it may go in. */
export function depositRefusal(facts: DepositFacts): DepositRefusalReason | null {
  if (!facts.siteHasLocker) return 'no-locker-at-site';
  if (!facts.caseKnown) return 'unknown-case';
  if (!facts.lockerPickup) return 'not-locker-eligible';
  if (!facts.ready) return 'not-ready';
  if (facts.hasActiveDeposit) return 'already-deposited';
  if (!facts.hasContact) return 'no-contact';
  return null;
}
