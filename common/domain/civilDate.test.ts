import { describe, it, expect } from 'vitest';
import { addDays, isCivilDate, isoWeekday, parseCivilDate } from './civilDate';

describe('civil dates', () => {
  it('accepts only days that exist on the calendar', () => {
    expect(parseCivilDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(isCivilDate('2025-02-29')).toBe(false);
    expect(isCivilDate('2100-02-29')).toBe(false);
    expect(isCivilDate('2000-02-29')).toBe(true);
    expect(isCivilDate('2025-04-31')).toBe(false);
    expect(isCivilDate('2025-9-1')).toBe(false);
    expect(isCivilDate('2025-09-01T00:00')).toBe(false);
  });

  it('numbers weekdays from Monday = 1 to Sunday = 7', () => {
    expect(isoWeekday('2025-09-01')).toBe(1);
    expect(isoWeekday('2025-08-31')).toBe(7);
    expect(isoWeekday('2024-12-24')).toBe(2);
  });

  it('keeps weekdays right whatever the time zone of the machine', () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Warsaw']) {
        process.env.TZ = tz;
        expect(isoWeekday('2025-03-30')).toBe(7); // the day Poland moves its clocks forward
      }
    } finally {
      process.env.TZ = zone;
    }
  });

  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-04-20', 60)).toBe('2025-06-19');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('refuses a malformed date instead of guessing', () => {
    expect(() => isoWeekday('01.09.2025')).toThrow(RangeError);
  });
});
