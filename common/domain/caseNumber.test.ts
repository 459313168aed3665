import { describe, it, expect } from 'vitest';
import { formatCaseNumber, parseCaseNumber } from './caseNumber';

describe('case numbers', () => {
  it('prints unit, JRWA class, sequence and year joined by dots', () => {
    expect(formatCaseNumber({ unit: 'KM', jrwa: '5410', sequence: 123, year: 2025 })).toBe(
      'KM.5410.123.2025',
    );
    expect(formatCaseNumber({ unit: 'WAB-I', jrwa: '6740', sequence: 7, year: 2025 })).toBe(
      'WAB-I.6740.7.2025',
    );
  });

  it('reads the parts back', () => {
    expect(parseCaseNumber('KM.5410.123.2025')).toEqual({
      unit: 'KM',
      jrwa: '5410',
      sequence: 123,
      year: 2025,
    });
    expect(parseCaseNumber('USC.5360.1.2024')).toMatchObject({ unit: 'USC', jrwa: '5360' });
    expect(parseCaseNumber('WAB-I.6740.15.2025')).toMatchObject({ unit: 'WAB-I', sequence: 15 });
    expect(parseCaseNumber('OR2.0012.3.2025')).toMatchObject({ unit: 'OR2', jrwa: '0012' });
  });

  it('keeps leading zeros of a JRWA class, which are part of the class', () => {
    const parts = { unit: 'OR', jrwa: '0052', sequence: 4, year: 2025 };
    expect(parseCaseNumber(formatCaseNumber(parts))).toEqual(parts);
  });

  it('finds a number typed in lower case or with spaces around it', () => {
    expect(parseCaseNumber('  km.5410.123.2025 ')).toMatchObject({ unit: 'KM', sequence: 123 });
    expect(parseCaseNumber('wab-i.6740.15.2025')).toMatchObject({ unit: 'WAB-I' });
  });

  it.each([
    ['a sequence with leading zeros', 'KM.5410.0123.2025'],
    ['sequence 0', 'KM.5410.0.2025'],
    ['a 2-digit year', 'KM.5410.123.25'],
    ['a 5-digit JRWA class', 'KM.54100.123.2025'],
    ['a unit starting with a digit', '1KM.5410.123.2025'],
    ['a unit ending with a dash', 'WAB-.6740.1.2025'],
    ['a missing part', 'KM.5410.2025'],
    ['an extra part', 'KM.5410.1.123.2025'],
    ['slashes', 'KM/5410/123/2025'],
    ['empty', ''],
  ])('rejects %s', (_label, text) => {
    expect(parseCaseNumber(text)).toBeNull();
  });

  it('refuses to print parts no register could hold', () => {
    const valid = { unit: 'KM', jrwa: '5410', sequence: 1, year: 2025 };
    expect(() => formatCaseNumber({ ...valid, unit: 'km' })).toThrow(RangeError);
    expect(() => formatCaseNumber({ ...valid, jrwa: '54100' })).toThrow(RangeError);
    expect(() => formatCaseNumber({ ...valid, sequence: 0 })).toThrow(RangeError);
    expect(() => formatCaseNumber({ ...valid, sequence: 1.5 })).toThrow(RangeError);
    expect(() => formatCaseNumber({ ...valid, year: 25 })).toThrow(RangeError);
  });
});
