import { describe, expect, it } from 'vitest';
import type { CaseType, Category } from '../../../common/contract/central/reference';
import {
  categoriesAtSite,
  checklistFor,
  isAssistantOnly,
  matchCaseTypes,
  missingFor,
} from './deskLogic';

const document = (id: string, condition: string | null = null) => ({
  id,
  name: `Dokument ${id}`,
  whereToGet: `Skąd ${id}`,
  condition: condition ? { id: condition, label: `Warunek ${condition}` } : null,
  feeGrosze: 0,
});

function caseType(id: string, name: string, overrides: Partial<CaseType> = {}): CaseType {
  return {
    id,
    name,
    departmentId: 'so',
    categoryIds: [],
    jrwa: '5340',
    documents: [],
    feeGrosze: 0,
    exemptions: [],
    lockerPickup: false,
    deadlineDays: 30,
    formFields: [],
    demo: true,
    ...overrides,
  };
}

function category(id: string, siteId: string): Category {
  return { id, siteId, departmentId: 'so', prefix: 'A', name: id, dailyCap: null, demo: true };
}

const idCard = caseType('dowod-osobisty', 'Wydanie dowodu osobistego', {
  categoryIds: ['slaska.dowody', 'waszyngtona.dowody', 'slaska.pilne'],
  documents: [
    document('zdjecie'),
    document('stary-dowod', 'wymiana'),
    document('pelnomocnictwo', 'pelnomocnik'),
  ],
});
const registration = caseType('zameldowanie', 'Zameldowanie na pobyt stały', {
  categoryIds: ['slaska.meldunki'],
});
const licence = caseType('prawo-jazdy', 'Wymiana prawa jazdy');

describe('the case type search', () => {
  it('finds a case type by part of a word, without Polish letters and in any case', () => {
    const all = [idCard, registration, licence];
    expect(matchCaseTypes(all, 'dowod').map((c) => c.id)).toEqual(['dowod-osobisty']);
    expect(matchCaseTypes(all, 'STAŁY').map((c) => c.id)).toEqual(['zameldowanie']);
    expect(matchCaseTypes(all, 'staly zamel').map((c) => c.id)).toEqual(['zameldowanie']);
    expect(matchCaseTypes(all, 'wym').map((c) => c.id)).toEqual(['prawo-jazdy']);
    // Nothing typed: all of them, by name.
    expect(matchCaseTypes(all, '  ').map((c) => c.id)).toEqual([
      'dowod-osobisty',
      'prawo-jazdy',
      'zameldowanie',
    ]);
    expect(matchCaseTypes(all, 'paszport')).toEqual([]);
  });
});

describe("the case type's category at this PC's site", () => {
  const categories = [
    category('slaska.dowody', 'slaska'),
    category('slaska.pilne', 'slaska'),
    category('waszyngtona.dowody', 'waszyngtona'),
    category('slaska.meldunki', 'slaska'),
  ];
  it("keeps the site's categories of the case type, in the case type's order", () => {
    expect(categoriesAtSite(idCard, categories, 'slaska').map((c) => c.id)).toEqual([
      'slaska.dowody',
      'slaska.pilne',
    ]);
    expect(categoriesAtSite(idCard, categories, 'waszyngtona').map((c) => c.id)).toEqual([
      'waszyngtona.dowody',
    ]);
  });
  it('has none for a case type not handled at the site (or a category removed since)', () => {
    expect(categoriesAtSite(registration, categories, 'waszyngtona')).toEqual([]);
    expect(categoriesAtSite(licence, categories, 'slaska')).toEqual([]);
  });
});

describe('the missing documents and the checklist', () => {
  it('lists what is not ticked present or not needed, conditional documents only when their condition holds', () => {
    const none = new Set<string>();
    expect(missingFor(idCard, none, {}).map((d) => d.id)).toEqual(['zdjecie']);
    expect(missingFor(idCard, none, { zdjecie: 'present' })).toEqual([]);
    const exchange = new Set(['wymiana']);
    expect(missingFor(idCard, exchange, { zdjecie: 'present' }).map((d) => d.id)).toEqual([
      'stary-dowod',
    ]);
    expect(
      missingFor(idCard, exchange, { zdjecie: 'missing', 'stary-dowod': 'not-needed' }).map(
        (d) => d.id,
      ),
    ).toEqual(['zdjecie']);
  });

  it('attaches every document with its state: unticked is missing, a condition that does not hold is not needed', () => {
    expect(checklistFor(idCard, new Set(['wymiana']), { zdjecie: 'present' })).toEqual({
      caseTypeId: 'dowod-osobisty',
      documents: [
        { documentId: 'zdjecie', state: 'present' },
        { documentId: 'stary-dowod', state: 'missing' },
        { documentId: 'pelnomocnictwo', state: 'not-needed' },
      ],
    });
  });
});

describe('who gets the desk', () => {
  const session = (roles: ('assistant' | 'clerk' | 'supervisor')[]) => ({
    user: { id: 'u', login: 'u', displayName: 'U', roles, siteId: 'slaska' },
  });
  it('is the assistant who is not also a clerk', () => {
    expect(isAssistantOnly(session(['assistant']))).toBe(true);
    expect(isAssistantOnly(session(['assistant', 'clerk']))).toBe(false);
    expect(isAssistantOnly(session(['clerk']))).toBe(false);
    expect(isAssistantOnly(session(['supervisor']))).toBe(false);
    expect(isAssistantOnly(null)).toBe(false);
  });
});
