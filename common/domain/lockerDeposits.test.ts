import { describe, expect, it } from 'vitest';
import { depositExpiry, depositRefusal, lastPickupDayFor, lockerDayOf } from './lockerDeposits';

describe('the urzędomat calendar', () => {
  it('counts days in Warsaw, whatever the instant says in UTC', () => {
    expect(lockerDayOf(new Date('2026-09-01T21:59:00.000Z'))).toBe('2026-09-01');
    expect(lockerDayOf(new Date('2026-09-01T22:00:00.000Z'))).toBe('2026-09-02');
    expect(lockerDayOf(new Date('2026-12-31T23:30:00.000Z'))).toBe('2027-01-01');
  });

  it('gives the last day of pickup across a month end', () => {
    expect(lastPickupDayFor('2026-09-28', 7)).toBe('2026-10-05');
  });

  it('calls a deposit expiring on its last two days and expired after', () => {
    expect(depositExpiry('2026-09-08', '2026-09-06')).toBe('ok');
    expect(depositExpiry('2026-09-08', '2026-09-07')).toBe('expiring');
    expect(depositExpiry('2026-09-08', '2026-09-08')).toBe('expiring');
    expect(depositExpiry('2026-09-08', '2026-09-09')).toBe('expired');
  });
});

describe('depositRefusal', () => {
  const fine = {
    siteHasLocker: true,
    caseKnown: true,
    lockerPickup: true,
    ready: true,
    hasActiveDeposit: false,
    hasContact: true,
  };

  it('lets a known, eligible, ready case with a contact and no deposit in', () => {
    expect(depositRefusal(fine)).toBeNull();
  });

  it('names the first rule broken', () => {
    expect(depositRefusal({ ...fine, ready: false, hasContact: false })).toBe('not-ready');
    expect(depositRefusal({ ...fine, lockerPickup: false, ready: false })).toBe(
      'not-locker-eligible',
    );
    expect(depositRefusal({ ...fine, siteHasLocker: false, caseKnown: false })).toBe(
      'no-locker-at-site',
    );
    expect(depositRefusal({ ...fine, caseKnown: false, lockerPickup: false })).toBe('unknown-case');
    expect(depositRefusal({ ...fine, hasActiveDeposit: true, hasContact: false })).toBe(
      'already-deposited',
    );
    expect(depositRefusal({ ...fine, hasContact: false })).toBe('no-contact');
  });
});
