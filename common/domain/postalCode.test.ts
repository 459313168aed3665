import { describe, expect, it } from 'vitest';
import { isPostalCode, normalizePostalCode } from './postalCode';

describe('isPostalCode', () => {
  it('accepts two digits, a dash and three digits', () => {
    expect(isPostalCode('00-950')).toBe(true);
    expect(isPostalCode('81-310')).toBe(true);
  });

  it.each([['00950'], ['00 950'], ['0-950'], ['00-9500'], [' 00-950'], ['ab-cde'], ['']])(
    'refuses %j',
    (value) => {
      expect(isPostalCode(value)).toBe(false);
    },
  );
});

describe('normalizePostalCode', () => {
  it.each([
    ['00950', '00-950'],
    ['00 950', '00-950'],
    ['00-950', '00-950'],
    ['  81-310 ', '81-310'],
  ])('puts %j in shape as %j', (typed, expected) => {
    expect(normalizePostalCode(typed)).toBe(expected);
  });

  it.each([['0095'], ['009500'], ['00--950'], ['0-0950'], ['abcde'], ['']])(
    'leaves %j as typed for validation to name',
    (typed) => {
      expect(normalizePostalCode(typed)).toBe(typed);
      expect(isPostalCode(normalizePostalCode(typed))).toBe(false);
    },
  );
});
