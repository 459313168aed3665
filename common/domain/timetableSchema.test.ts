import { describe, it, expect } from 'vitest';
import { siteScheduleSchema, timetableSchema } from './timetableSchema';

const hours = { opens: '07:30', closes: '15:30', lastTicket: '15:00' };

describe('timetableSchema', () => {
  it('accepts a timetable sent as JSON, with weekday keys as strings', () => {
    const json = JSON.parse(
      JSON.stringify({ effectiveFrom: '2025-09-01', days: { 1: hours, 5: hours } }),
    );
    expect(timetableSchema.parse(json).days[1]).toEqual(hours);
  });

  it.each([
    ['a weekday outside 1–7', { effectiveFrom: '2025-09-01', days: { 8: hours } }],
    ['a date that does not exist', { effectiveFrom: '2025-02-30', days: {} }],
    [
      'a time that is not HH:MM',
      { effectiveFrom: '2025-09-01', days: { 1: { ...hours, opens: '7:30' } } },
    ],
    [
      'closing before opening',
      { effectiveFrom: '2025-09-01', days: { 1: { ...hours, closes: '07:00' } } },
    ],
    [
      'a last ticket after closing',
      { effectiveFrom: '2025-09-01', days: { 1: { ...hours, lastTicket: '16:00' } } },
    ],
    [
      'a last ticket before opening',
      { effectiveFrom: '2025-09-01', days: { 1: { ...hours, lastTicket: '07:00' } } },
    ],
    ['an unknown field', { effectiveFrom: '2025-09-01', days: {}, note: 'x' }],
  ])('rejects %s', (_label, input) => {
    expect(timetableSchema.safeParse(input).success).toBe(false);
  });
});

describe('siteScheduleSchema', () => {
  const timetable = { effectiveFrom: '2025-09-01', days: { 1: hours } };

  it('accepts timetables and exceptions, closed or with hours', () => {
    const schedule = {
      timetables: [timetable],
      exceptions: [
        { date: '2025-11-10', hours: null, reason: 'Dzień wolny za 15 sierpnia' },
        { date: '2025-11-11', hours, reason: 'Dyżur USC' },
      ],
    };
    expect(siteScheduleSchema.parse(schedule)).toEqual(schedule);
  });

  it('rejects two timetables from the same date', () => {
    const result = siteScheduleSchema.safeParse({
      timetables: [timetable, timetable],
      exceptions: [],
    });
    expect(result.success).toBe(false);
  });

  it('rejects two exceptions for the same day', () => {
    const closed = { date: '2025-11-10', hours: null, reason: 'Remont' };
    const result = siteScheduleSchema.safeParse({ timetables: [], exceptions: [closed, closed] });
    expect(result.success).toBe(false);
  });

  it('rejects an exception without a reason to show', () => {
    const result = siteScheduleSchema.safeParse({
      timetables: [],
      exceptions: [{ date: '2025-11-10', hours: null, reason: '  ' }],
    });
    expect(result.success).toBe(false);
  });
});
