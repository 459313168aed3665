import { describe, it, expect } from 'vitest';
import { canIssueTicketAt, serviceHoursOn } from './timetable';
import type { SiteSchedule, Timetable } from './timetableSchema';

const weekdays = (hours: { opens: string; closes: string; lastTicket: string }) =>
  ({ 1: hours, 2: hours, 3: hours, 4: hours, 5: hours }) satisfies Timetable['days'];

/** Before 1 September the site opens late on Mondays; from then on it opens early every day. */
const summer: Timetable = {
  effectiveFrom: '2025-01-01',
  days: {
    ...weekdays({ opens: '08:00', closes: '16:00', lastTicket: '15:30' }),
    1: { opens: '09:00', closes: '17:00', lastTicket: '16:30' },
  },
};
const fromSeptember: Timetable = {
  effectiveFrom: '2025-09-01',
  days: weekdays({ opens: '07:30', closes: '15:30', lastTicket: '15:00' }),
};

const schedule: SiteSchedule = {
  // Out of order on purpose: the date decides, not the position in the list.
  timetables: [fromSeptember, summer],
  exceptions: [
    { date: '2025-09-12', hours: null, reason: 'Awaria systemu kolejkowego' },
    {
      date: '2025-09-19',
      hours: { opens: '10:00', closes: '14:00', lastTicket: '13:30' },
      reason: 'Szkolenie pracowników',
    },
    {
      date: '2025-11-11',
      hours: { opens: '10:00', closes: '13:00', lastTicket: '12:30' },
      reason: 'Dyżur Urzędu Stanu Cywilnego',
    },
  ],
};

describe('serviceHoursOn', () => {
  it('changes the hours from 1 September: a Monday in August vs a Monday in September', () => {
    expect(serviceHoursOn(schedule, '2025-08-25')).toEqual({
      opens: '09:00',
      closes: '17:00',
      lastTicket: '16:30',
    });
    expect(serviceHoursOn(schedule, '2025-09-01')).toEqual({
      opens: '07:30',
      closes: '15:30',
      lastTicket: '15:00',
    });
  });

  it('closes on a public holiday and names it', () => {
    expect(serviceHoursOn(schedule, '2025-08-15')).toEqual({
      closed: true,
      reason: 'holiday',
      name: 'Wniebowzięcie Najświętszej Maryi Panny',
    });
  });

  it('is open on 24 December 2024 but closed on 24 December 2025', () => {
    expect(serviceHoursOn(schedule, '2024-12-24')).toEqual({
      closed: true,
      reason: 'no-timetable',
    });
    const longRunning: SiteSchedule = {
      timetables: [{ ...summer, effectiveFrom: '2024-01-01' }],
      exceptions: [],
    };
    expect(serviceHoursOn(longRunning, '2024-12-24')).toMatchObject({ opens: '08:00' });
    expect(serviceHoursOn(longRunning, '2025-12-24')).toMatchObject({
      closed: true,
      reason: 'holiday',
    });
  });

  it('closes on an exception day with its reason', () => {
    expect(serviceHoursOn(schedule, '2025-09-12')).toEqual({
      closed: true,
      reason: 'exception',
      name: 'Awaria systemu kolejkowego',
    });
  });

  it('uses an exception day’s own hours', () => {
    expect(serviceHoursOn(schedule, '2025-09-19')).toEqual({
      opens: '10:00',
      closes: '14:00',
      lastTicket: '13:30',
    });
  });

  it('opens on a holiday only when an exception gives hours for it', () => {
    expect(serviceHoursOn(schedule, '2025-11-11')).toMatchObject({ opens: '10:00' });
    expect(serviceHoursOn(schedule, '2026-11-11')).toMatchObject({ reason: 'holiday' });
  });

  it('is closed on a weekday the timetable has no hours for', () => {
    expect(serviceHoursOn(schedule, '2025-09-06')).toEqual({ closed: true, reason: 'no-hours' });
  });

  it('is closed before the first timetable takes effect', () => {
    expect(serviceHoursOn(schedule, '2024-12-30')).toEqual({
      closed: true,
      reason: 'no-timetable',
    });
  });
});

describe('canIssueTicketAt', () => {
  it('issues tickets from opening to the last ticket, both included', () => {
    expect(canIssueTicketAt(schedule, '2025-09-02', '07:29')).toBe(false);
    expect(canIssueTicketAt(schedule, '2025-09-02', '07:30')).toBe(true);
    expect(canIssueTicketAt(schedule, '2025-09-02', '15:00')).toBe(true);
    expect(canIssueTicketAt(schedule, '2025-09-02', '15:01')).toBe(false);
  });

  it('follows the timetable in force on the day', () => {
    expect(canIssueTicketAt(schedule, '2025-08-25', '16:00')).toBe(true);
    expect(canIssueTicketAt(schedule, '2025-09-01', '16:00')).toBe(false);
  });

  it('issues none on a closed day', () => {
    expect(canIssueTicketAt(schedule, '2025-08-15', '10:00')).toBe(false);
    expect(canIssueTicketAt(schedule, '2025-09-12', '10:00')).toBe(false);
  });

  it('refuses a malformed time', () => {
    expect(() => canIssueTicketAt(schedule, '2025-09-02', '9:00')).toThrow(RangeError);
  });
});
