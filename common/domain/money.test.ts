import { describe, it, expect } from 'vitest';
import { formatMoney, parseMoney } from './money';

const NBSP = '\u00a0';

describe('formatMoney', () => {
  it('shows Polish amounts with grouped złoty and a decimal comma', () => {
    expect(formatMoney(123456)).toBe(`1${NBSP}234,56${NBSP}zł`);
    expect(formatMoney(123456789)).toBe(`1${NBSP}234${NBSP}567,89${NBSP}zł`);
    expect(formatMoney(99999)).toBe(`999,99${NBSP}zł`);
  });

  it('groups 4-digit amounts too, unlike Intl pl-PL', () => {
    expect(formatMoney(100000)).toBe(`1${NBSP}000,00${NBSP}zł`);
  });

  it('never breaks an amount across lines: no plain spaces', () => {
    expect(formatMoney(123456789)).not.toContain(' ');
    expect(formatMoney(123456789, 'en')).not.toContain(' ');
  });

  it('shows grosze and zero with two decimals', () => {
    expect(formatMoney(5)).toBe(`0,05${NBSP}zł`);
    expect(formatMoney(0)).toBe(`0,00${NBSP}zł`);
  });

  it('puts the minus sign first', () => {
    expect(formatMoney(-1200)).toBe(`-12,00${NBSP}zł`);
    expect(formatMoney(-1200, 'en')).toBe(`-PLN${NBSP}12.00`);
  });

  it('shows English amounts with the currency code first', () => {
    expect(formatMoney(123456, 'en')).toBe(`PLN${NBSP}1,234.56`);
  });

  it('refuses amounts that are not whole grosze', () => {
    expect(() => formatMoney(12.5)).toThrow(RangeError);
    expect(() => formatMoney(Number.NaN)).toThrow(RangeError);
    expect(() => formatMoney(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('parseMoney', () => {
  it('reads what a clerk types', () => {
    expect(parseMoney('1234,56')).toBe(123456);
    expect(parseMoney('1234.5')).toBe(123450);
    expect(parseMoney('12')).toBe(1200);
    expect(parseMoney('0,05')).toBe(5);
    expect(parseMoney('  17 zł ')).toBe(1700);
    expect(parseMoney('17zł')).toBe(1700);
  });

  it('reads amounts grouped by spaces, with or without the currency', () => {
    expect(parseMoney('1 234,56 zł')).toBe(123456);
    expect(parseMoney('1 234 567')).toBe(123456700);
  });

  it('reads back every amount formatMoney prints', () => {
    for (const grosze of [0, 5, 1200, 100000, 123456, 123456789]) {
      expect(parseMoney(formatMoney(grosze))).toBe(grosze);
      expect(parseMoney(formatMoney(grosze, 'en'))).toBe(grosze);
      expect(parseMoney(formatMoney(-grosze), { allowNegative: true })).toBe(grosze && -grosze);
      expect(parseMoney(formatMoney(-grosze, 'en'), { allowNegative: true })).toBe(
        grosze && -grosze,
      );
    }
  });

  it('rejects negative amounts unless they are allowed', () => {
    expect(parseMoney('-12,00 zł')).toBeNull();
    expect(parseMoney('-12,00 zł', { allowNegative: true })).toBe(-1200);
  });

  it('rejects a third decimal instead of rounding a fee', () => {
    expect(parseMoney('12,345')).toBeNull();
    expect(parseMoney('12.001')).toBeNull();
  });

  it('rejects ambiguous or malformed grouping', () => {
    expect(parseMoney('1,234')).toBeNull();
    expect(parseMoney('1 23,00')).toBeNull();
    expect(parseMoney('1.234.56')).toBeNull();
    expect(parseMoney('12,')).toBeNull();
    expect(parseMoney(',50')).toBeNull();
  });

  it('reads thousands separators when the decimal separator is the other mark', () => {
    expect(parseMoney('1.234,56')).toBe(123456);
    expect(parseMoney('1,234.56')).toBe(123456);
  });

  it('rejects garbage', () => {
    for (const text of ['', 'abc', '12 EUR', '1e3', '0x10', 'Infinity', '12 zł zł', 'PLN 12 zł']) {
      expect(parseMoney(text), text).toBeNull();
    }
  });

  it('rejects amounts too large to hold exactly', () => {
    expect(parseMoney('900719925474099,00')).toBeNull();
  });
});
