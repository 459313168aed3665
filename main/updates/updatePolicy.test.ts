import { describe, expect, it } from 'vitest';
import type { SiteSchedule } from '../../common/domain/timetableSchema';
import { decideUpdate, isWithinServiceHours, type UpdatePolicyInput } from './updatePolicy';

const hours = { opens: '08:00', closes: '16:00', lastTicket: '15:30' };
/** Monday to Friday 8:00–16:00; closed on 24 November 2026 for a training day. */
const schedule: SiteSchedule = {
  timetables: [
    { effectiveFrom: '2026-01-01', days: { 1: hours, 2: hours, 3: hours, 4: hours, 5: hours } },
  ],
  exceptions: [{ date: '2026-11-24', hours: null, reason: 'Szkolenie pracowników' }],
};

// November: Warsaw is UTC+1. Friday 27 November 2026, 11:00 in Warsaw.
const FRIDAY_11 = new Date('2026-11-27T10:00:00Z');
const FRIDAY_19 = new Date('2026-11-27T18:00:00Z');

const base: UpdatePolicyInput = {
  update: 'downloaded',
  canInstall: true,
  now: FRIDAY_11,
  schedule,
  visitInProgress: false,
  paymentInProgress: false,
  clerkConsent: false,
};

describe('isWithinServiceHours', () => {
  it.each([
    ['Friday 11:00', '2026-11-27T10:00:00Z', true],
    ['Friday 7:45, the half hour before opening', '2026-11-27T06:45:00Z', true],
    ['Friday 7:15', '2026-11-27T06:15:00Z', false],
    ['Friday 16:20, the half hour after closing', '2026-11-27T15:20:00Z', true],
    ['Friday 16:30', '2026-11-27T15:30:00Z', false],
    ['Saturday 11:00', '2026-11-28T10:00:00Z', false],
    ['a public holiday (11 November) at 11:00', '2026-11-11T10:00:00Z', false],
    ['a day closed by an exception, 11:00', '2026-11-24T10:00:00Z', false],
    ['Friday 11:00 in summer time (UTC+2)', '2026-07-03T09:00:00Z', true],
    ['Friday 17:00 in summer time', '2026-07-03T15:00:00Z', false],
  ])('%s → %s', (_label, instant, within) => {
    expect(isWithinServiceHours(schedule, new Date(instant))).toBe(within);
  });

  it('counts unknown hours (no reference data yet) as service hours', () => {
    expect(isWithinServiceHours(null, FRIDAY_19)).toBe(true);
  });
});

describe('decideUpdate', () => {
  it.each<[string, Partial<UpdatePolicyInput>, string, string]>([
    ['no newer version', { update: 'none' }, 'none', 'no-update'],
    ['a host that cannot install', { canInstall: false }, 'wait', 'not-supported'],
    ['still downloading', { update: 'available', now: FRIDAY_19 }, 'wait', 'downloading'],
    ['service hours, nothing running', {}, 'ask-clerk', 'service-hours'],
    ['service hours, the clerk agrees', { clerkConsent: true }, 'install-now', 'clerk-agreed'],
    ['outside service hours', { now: FRIDAY_19 }, 'install-now', 'outside-service-hours'],
    ['a payment runs', { paymentInProgress: true }, 'wait', 'payment-in-progress'],
    [
      'a payment runs, the clerk agrees',
      { paymentInProgress: true, clerkConsent: true },
      'wait',
      'payment-in-progress',
    ],
    [
      'a payment runs after hours',
      { paymentInProgress: true, now: FRIDAY_19 },
      'wait',
      'payment-in-progress',
    ],
    ['a visit runs', { visitInProgress: true }, 'wait', 'visit-in-progress'],
    [
      'a visit runs, the clerk agrees',
      { visitInProgress: true, clerkConsent: true },
      'wait',
      'visit-in-progress',
    ],
    [
      'a visit runs after hours',
      { visitInProgress: true, now: FRIDAY_19 },
      'wait',
      'visit-in-progress',
    ],
    [
      'a visit and a payment: the payment is named',
      { visitInProgress: true, paymentInProgress: true },
      'wait',
      'payment-in-progress',
    ],
    [
      'hours unknown, nothing running',
      { schedule: null, now: FRIDAY_19 },
      'ask-clerk',
      'service-hours',
    ],
  ])('%s', (_label, change, decision, reason) => {
    expect(decideUpdate({ ...base, ...change })).toEqual({ decision, reason });
  });
});
