import { describe, it, expect } from 'vitest';
import { maskPesel, validatePesel } from './pesel';

/** Appends the check digit, computed here from the published rule, not by the module. */
function withCheckDigit(first10: string): string {
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  let sum = 0;
  for (let i = 0; i < 10; i += 1) sum += Number(first10[i]) * (weights[i] ?? 0);
  return first10 + String((10 - (sum % 10)) % 10);
}

const MONTH_OFFSET_BY_CENTURY: Record<number, number> = {
  1800: 80,
  1900: 0,
  2000: 20,
  2100: 40,
  2200: 60,
};

/** A valid PESEL for a birth date, a 3-digit serial and a sex (the 10th digit's parity). */
function buildPesel(birthDate: string, sex: 'female' | 'male', serial = 123): string {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  const century = Math.floor(year / 100) * 100;
  const monthField = month + (MONTH_OFFSET_BY_CENTURY[century] ?? NaN);
  const two = (n: number) => String(n).padStart(2, '0');
  const sexDigit = sex === 'male' ? 7 : 4;
  return withCheckDigit(
    `${two(year % 100)}${two(monthField)}${two(day)}${String(serial).padStart(3, '0')}${sexDigit}`,
  );
}

/** A PESEL whose check digit is right but whose date fields are taken as given. */
function withRawDate(yy: string, mm: string, dd: string): string {
  return withCheckDigit(`${yy}${mm}${dd}0123`);
}

describe('validatePesel', () => {
  it('accepts numbers checked by hand', () => {
    // 4+12+0+45+1+12+0+9+3+15 = 101 → (10 − 1) mod 10 = 9; 10th digit 5 is odd.
    expect(validatePesel('44051401359')).toEqual({
      ok: true,
      birthDate: '1944-05-14',
      sex: 'male',
    });
    // 0+6+0+63+0+24+0+27+6+6 = 132 → 8; 10th digit 2 is even.
    expect(validatePesel('02070803628')).toEqual({
      ok: true,
      birthDate: '1902-07-08',
      sex: 'female',
    });
    // Same person born a century later: month 07 + 20. 0+6+14+63+0+24+0+27+6+6 = 146 → 4.
    expect(validatePesel('02270803624')).toEqual({
      ok: true,
      birthDate: '2002-07-08',
      sex: 'female',
    });
  });

  it.each([
    ['1899-12-31'],
    ['1800-01-01'],
    ['1900-01-01'],
    ['1999-12-31'],
    ['2000-02-29'],
    ['2025-09-01'],
    ['2104-02-29'],
    ['2199-12-31'],
    ['2200-01-01'],
    ['2299-12-31'],
  ])('reads the birth date %s in its century', (birthDate) => {
    expect(validatePesel(buildPesel(birthDate, 'female'))).toEqual({
      ok: true,
      birthDate,
      sex: 'female',
    });
  });

  it('reads the sex from the parity of the 10th digit', () => {
    for (const sex of ['female', 'male'] as const) {
      for (const serial of [0, 1, 500, 999]) {
        const result = validatePesel(buildPesel('1985-06-15', sex, serial));
        expect(result.ok && result.sex).toBe(sex);
      }
    }
  });

  it('reports a mistyped digit as a checksum error', () => {
    expect(validatePesel('44051401358')).toEqual({ ok: false, reason: 'checksum' });
    // Two neighbouring digits swapped: the weights make the check digit catch it.
    expect(validatePesel('44051401539')).toEqual({ ok: false, reason: 'checksum' });
  });

  it.each([['1850-03-15'], ['1950-03-15'], ['2050-03-15'], ['2150-03-15'], ['2250-03-15']])(
    'reports a wrong check digit in a PESEL of %s as a checksum error',
    (birthDate) => {
      const valid = buildPesel(birthDate, 'male');
      const wrong = valid.slice(0, 10) + String((Number(valid[10]) + 1) % 10);
      expect(validatePesel(wrong)).toEqual({ ok: false, reason: 'checksum' });
    },
  );

  it.each([
    [1800, '92', '93'],
    [1900, '12', '13'],
    [2000, '32', '33'],
    [2100, '52', '53'],
    [2200, '72', '73'],
  ])('reads December of the %s (month %s) and refuses month %s', (century, december, past) => {
    expect(validatePesel(withRawDate('50', december, '31'))).toMatchObject({
      birthDate: `${century + 50}-12-31`,
    });
    expect(validatePesel(withRawDate('50', past, '01'))).toEqual({ ok: false, reason: 'date' });
  });

  it.each([
    ['30 February', '85', '02', '30'],
    ['31 April', '85', '04', '31'],
    ['29 February 2023', '23', '22', '29'],
    ['29 February 1900, not a leap year', '00', '02', '29'],
    ['29 February 2100, not a leap year', '00', '42', '29'],
    ['29 February 1800, not a leap year', '00', '82', '29'],
    ['29 February 2200, not a leap year', '00', '62', '29'],
    ['day 00', '85', '01', '00'],
    ['month 00', '85', '00', '10'],
    ['month 13 (no century uses it)', '85', '13', '10'],
    ['month 20 (2000s, month 0)', '05', '20', '10'],
    ['month 93 (1800s, month 13)', '85', '93', '10'],
  ])('reports an impossible date: %s', (_label, yy, mm, dd) => {
    expect(validatePesel(withRawDate(yy, mm, dd))).toEqual({ ok: false, reason: 'date' });
  });

  it('accepts 29 February in leap years of each century', () => {
    expect(validatePesel(withRawDate('00', '22', '29'))).toMatchObject({ birthDate: '2000-02-29' });
    expect(validatePesel(withRawDate('96', '02', '29'))).toMatchObject({ birthDate: '1996-02-29' });
    expect(validatePesel(withRawDate('04', '82', '29'))).toMatchObject({ birthDate: '1804-02-29' });
  });

  it.each([
    ['too short', '4405140135'],
    ['too long', '440514013590'],
    ['a letter', '4405140135O'],
    ['spaces', '440 514 01359'],
    ['a leading space', ' 44051401359'],
    ['empty', ''],
    ['non-ASCII digits', '٤٤٠٥١٤٠١٣٥٩'],
  ])('reports a wrong shape as a format error: %s', (_label, value) => {
    expect(validatePesel(value)).toEqual({ ok: false, reason: 'format' });
  });
});

describe('maskPesel', () => {
  it('keeps only the last 4 digits, in ASCII', () => {
    expect(maskPesel('44051401359')).toBe('*******1359');
  });

  it('masks a value that is not a PESEL completely', () => {
    expect(maskPesel('4405140135')).toBe('**********');
    expect(maskPesel('abc')).toBe('***');
  });
});
