import { describe, it, expect } from 'vitest';
import { isPublicHoliday, publicHolidays } from './holidays';

describe('publicHolidays', () => {
  it('lists the 14 days off of 2025 in date order', () => {
    expect(publicHolidays(2025).map((holiday) => holiday.date)).toEqual([
      '2025-01-01',
      '2025-01-06',
      '2025-04-20',
      '2025-04-21',
      '2025-05-01',
      '2025-05-03',
      '2025-06-08',
      '2025-06-19',
      '2025-08-15',
      '2025-11-01',
      '2025-11-11',
      '2025-12-24',
      '2025-12-25',
      '2025-12-26',
    ]);
  });

  it('has no Christmas Eve before 2025 and no Epiphany before 2011', () => {
    const keys2024 = publicHolidays(2024).map((holiday) => holiday.key);
    expect(keys2024).not.toContain('christmas-eve');
    expect(keys2024).toContain('epiphany');
    expect(publicHolidays(2010).map((holiday) => holiday.key)).not.toContain('epiphany');
  });

  it('gives every day off from 1990 to 2100 a key of its own, Easter always on a Sunday', () => {
    for (let year = 1990; year <= 2100; year += 1) {
      const holidays = publicHolidays(year);
      expect(
        holidays.filter((holiday) => holiday.key === 'other'),
        String(year),
      ).toEqual([]);
      const easter = holidays.find((holiday) => holiday.key === 'easter-sunday');
      expect(new Date(`${easter?.date}T12:00:00Z`).getUTCDay(), String(year)).toBe(0);
    }
  });

  it('refuses years the rules were not in force', () => {
    expect(() => publicHolidays(1989)).toThrow(RangeError);
  });
});

describe('isPublicHoliday', () => {
  it('closes on 24 December from 2025 on, not in 2024', () => {
    expect(isPublicHoliday('2024-12-24')).toBeNull();
    expect(isPublicHoliday('2025-12-24')).toEqual({
      key: 'christmas-eve',
      name: 'Wigilia Bożego Narodzenia',
    });
  });

  it('finds the holidays that move with Easter', () => {
    expect(isPublicHoliday('2026-04-06')).toMatchObject({ key: 'easter-monday' });
    expect(isPublicHoliday('2026-05-24')).toMatchObject({ key: 'pentecost' });
    expect(isPublicHoliday('2026-06-04')).toMatchObject({ key: 'corpus-christi' });
    expect(isPublicHoliday('2025-06-04')).toBeNull();
  });

  it('treats an ordinary working day as no holiday', () => {
    expect(isPublicHoliday('2025-09-01')).toBeNull();
  });

  it('refuses a date that does not exist', () => {
    expect(() => isPublicHoliday('2025-02-30')).toThrow(RangeError);
  });
});
