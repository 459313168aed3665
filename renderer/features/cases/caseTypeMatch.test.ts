import { describe, expect, it } from 'vitest';
import { foldForSearch, matchCaseTypes } from './caseTypeMatch';

const types = [
  { name: 'Wydanie dowodu osobistego' },
  { name: 'Zameldowanie na pobyt stały' },
  { name: 'Zaświadczenie o zameldowaniu' },
  { name: 'Dowód rejestracyjny pojazdu' },
];

describe('matchCaseTypes', () => {
  it('finds a case type by part of its name, without Polish letters', () => {
    expect(matchCaseTypes(types, 'zaswiad').map((type) => type.name)).toEqual([
      'Zaświadczenie o zameldowaniu',
    ]);
  });

  it('needs every word typed, in any order', () => {
    expect(matchCaseTypes(types, 'staly pobyt').map((type) => type.name)).toEqual([
      'Zameldowanie na pobyt stały',
    ]);
  });

  it('puts names that start with what is typed first', () => {
    expect(matchCaseTypes(types, 'dowo').map((type) => type.name)).toEqual([
      'Dowód rejestracyjny pojazdu',
      'Wydanie dowodu osobistego',
    ]);
  });

  it('lists everything for an empty query', () => {
    expect(matchCaseTypes(types, '  ')).toHaveLength(4);
  });

  it('folds ł, which Unicode does not decompose', () => {
    expect(foldForSearch('Łódź')).toBe('lodz');
  });
});
