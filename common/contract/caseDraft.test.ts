import { describe, expect, it } from 'vitest';
import {
  caseDraftDataSchema,
  draftConditions,
  validateCaseDraft,
  type CaseDraftInput,
  type CaseIssue,
} from './caseDraft';
import { caseTypeSchema, type CaseType } from './central/reference';

/** Appends the PESEL check digit, computed here from the published rule. */
function withCheckDigit(first10: string): string {
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  let sum = 0;
  for (let i = 0; i < 10; i += 1) sum += Number(first10[i]) * (weights[i] ?? 0);
  return first10 + String((10 - (sum % 10)) % 10);
}

const VALID_PESEL = '44051401359';

const vehicle: CaseType = caseTypeSchema.parse({
  id: 'rejestracja',
  name: 'Rejestracja pojazdu',
  departmentId: 'km',
  categoryIds: ['slaska.pojazdy'],
  jrwa: '5410',
  documents: [
    {
      id: 'dowod-wlasnosci',
      name: 'Dowód własności',
      whereToGet: '',
      condition: null,
      feeGrosze: 0,
    },
    {
      id: 'pelnomocnictwo',
      name: 'Pełnomocnictwo',
      whereToGet: 'Od mocodawcy',
      condition: { id: 'pelnomocnik', label: 'Działa pełnomocnik' },
      feeGrosze: 1700,
    },
    {
      id: 'akcyza',
      name: 'Dowód zapłaty akcyzy',
      whereToGet: 'Urząd skarbowy',
      condition: { id: 'sprowadzony', label: 'Pojazd sprowadzony' },
      feeGrosze: 0,
    },
  ],
  feeGrosze: 18050,
  exemptions: [{ id: 'pomoc-spoleczna', name: 'Pomoc społeczna', basis: 'art. 2' }],
  lockerPickup: false,
  deadlineDays: 30,
  formFields: [
    { id: 'vin', label: 'VIN', kind: 'text', required: true },
    {
      id: 'rodzaj',
      label: 'Rodzaj pojazdu',
      kind: 'choice',
      required: true,
      choices: ['osobowy', 'ciężarowy'],
    },
    { id: 'masa', label: 'Masa (kg)', kind: 'number', required: false },
    { id: 'data-nabycia', label: 'Data nabycia', kind: 'date', required: true },
    { id: 'oswiadczenie', label: 'Oświadczenie złożone', kind: 'boolean', required: true },
    { id: 'urzedomat', label: 'Odbiór w urzędomacie', kind: 'boolean', required: false },
  ],
  demo: false,
});

/** A draft the clerk finished, as typed; `overrides` replace whole sections. */
const complete = (overrides: CaseDraftInput = {}) =>
  caseDraftDataSchema.parse({
    caseTypeId: 'rejestracja',
    ticket: { ticketId: '0b5e3a7c-6c1f-4f6a-9d8e-2a1b3c4d5e6f', number: 'B017' },
    applicant: {
      pesel: ` ${VALID_PESEL} `,
      firstName: ' Jan ',
      lastName: 'Kowalski',
      street: 'ul. Śląska 12/4',
      postalCode: '81310',
      city: 'Gdynia',
      phone: '',
      email: '',
    },
    documents: { 'dowod-wlasnosci': 'present' },
    fields: {
      vin: 'WVWZZZ1JZXW000001',
      rodzaj: 'osobowy',
      'data-nabycia': '2026-02-27',
      oswiadczenie: true,
    },
    notes: '  ',
    ...overrides,
  });

const issuesOf = (input: CaseDraftInput, caseTypes = [vehicle]): CaseIssue[] => {
  const result = validateCaseDraft(complete(input), caseTypes);
  return result.ok ? [] : result.issues;
};
const valueOf = (input: CaseDraftInput = {}) => {
  const result = validateCaseDraft(complete(input), [vehicle]);
  if (!result.ok) throw new Error(`not valid: ${JSON.stringify(result.issues)}`);
  return result.value;
};
const applicant = (changes: Record<string, string>) => ({
  pesel: VALID_PESEL,
  firstName: 'Jan',
  lastName: 'Kowalski',
  street: 'ul. Śląska 12/4',
  postalCode: '81-310',
  city: 'Gdynia',
  ...changes,
});

describe('validateCaseDraft', () => {
  it('gives a complete draft as the case to register: trimmed, typed, postal code in shape', () => {
    expect(valueOf()).toEqual({
      caseTypeId: 'rejestracja',
      ticketId: '0b5e3a7c-6c1f-4f6a-9d8e-2a1b3c4d5e6f',
      ticketNumber: 'B017',
      applicant: {
        identity: { kind: 'pesel', pesel: VALID_PESEL },
        firstName: 'Jan',
        lastName: 'Kowalski',
        address: { street: 'ul. Śląska 12/4', postalCode: '81-310', city: 'Gdynia' },
        phone: null,
        email: null,
      },
      representative: null,
      conditions: [],
      documents: [{ documentId: 'dowod-wlasnosci', state: 'present' }],
      exemptionId: null,
      feeGrosze: 18050,
      fields: {
        vin: 'WVWZZZ1JZXW000001',
        rodzaj: 'osobowy',
        'data-nabycia': '2026-02-27',
        oswiadczenie: true,
        urzedomat: false,
      },
      notes: '',
    });
  });

  it('asks for a case type first, and refuses one it does not know', () => {
    expect(issuesOf({ caseTypeId: null })).toEqual([
      { path: 'caseTypeId', code: 'case-type-required' },
    ]);
    expect(issuesOf({ caseTypeId: 'nie-ma' })).toEqual([
      { path: 'caseTypeId', code: 'case-type-unknown' },
    ]);
  });

  it('lists every problem of an empty draft at its field, in the form’s order', () => {
    const result = validateCaseDraft(caseDraftDataSchema.parse({ caseTypeId: 'rejestracja' }), [
      vehicle,
    ]);
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: 'applicant.pesel', code: 'required' },
        { path: 'applicant.firstName', code: 'required' },
        { path: 'applicant.lastName', code: 'required' },
        { path: 'applicant.street', code: 'required' },
        { path: 'applicant.postalCode', code: 'required' },
        { path: 'applicant.city', code: 'required' },
        { path: 'documents.dowod-wlasnosci', code: 'document-unmarked' },
        { path: 'fields.vin', code: 'required' },
        { path: 'fields.rodzaj', code: 'required' },
        { path: 'fields.data-nabycia', code: 'required' },
        { path: 'fields.oswiadczenie', code: 'required' },
      ],
    });
  });

  it.each([
    ['4405140135', 'pesel-format'],
    ['4405140135X', 'pesel-format'],
    ['44051401358', 'pesel-checksum'],
    [withCheckDigit('8502300123'), 'pesel-date'],
    [withCheckDigit('0002290123'), 'pesel-date'],
  ])('names what is wrong with the PESEL %s: %s', (pesel, code) => {
    expect(issuesOf({ applicant: applicant({ pesel }) })).toEqual([
      { path: 'applicant.pesel', code },
    ]);
  });

  it('accepts 29 February 2000 in a PESEL (month 22), not 29 February 1900', () => {
    expect(issuesOf({ applicant: applicant({ pesel: withCheckDigit('0022290123') }) })).toEqual([]);
  });

  it('identifies a person without a PESEL by a document, its number upper-cased', () => {
    const byDocument = (documentNumber: string) => ({
      applicant: {
        ...applicant({ documentNumber }),
        identityKind: 'document' as const,
        documentType: 'passport' as const,
      },
    });
    expect(valueOf(byDocument(' ab1234567 ')).applicant.identity).toEqual({
      kind: 'document',
      documentType: 'passport',
      documentNumber: 'AB1234567',
    });
    expect(issuesOf(byDocument(''))).toEqual([
      { path: 'applicant.documentNumber', code: 'required' },
    ]);
    expect(issuesOf(byDocument('ab'))).toEqual([
      { path: 'applicant.documentNumber', code: 'too-short' },
    ]);
  });

  it('puts a postal code typed without its dash in shape, and names one that is not', () => {
    expect(
      valueOf({ applicant: applicant({ postalCode: '00950' }) }).applicant.address.postalCode,
    ).toBe('00-950');
    expect(
      valueOf({ applicant: applicant({ postalCode: '00 950' }) }).applicant.address.postalCode,
    ).toBe('00-950');
    expect(issuesOf({ applicant: applicant({ postalCode: '0095' }) })).toEqual([
      { path: 'applicant.postalCode', code: 'postal-code' },
    ]);
  });

  it('keeps a phone and an e-mail when given, and names malformed ones', () => {
    expect(
      valueOf({ applicant: applicant({ phone: '+48 601 234 567', email: 'jan@example.pl' }) })
        .applicant,
    ).toMatchObject({ phone: '+48 601 234 567', email: 'jan@example.pl' });
    expect(issuesOf({ applicant: applicant({ phone: '601-234', email: 'jan@' }) })).toEqual([
      { path: 'applicant.phone', code: 'phone' },
      { path: 'applicant.email', code: 'email' },
    ]);
  });

  it('sets the representative condition: the power of attorney is asked for and its 17 zł added', () => {
    const representative = {
      acting: true,
      pesel: withCheckDigit('0227080362'),
      firstName: 'Anna',
      lastName: 'Nowak',
    };
    expect(issuesOf({ representative })).toEqual([
      { path: 'documents.pelnomocnictwo', code: 'document-unmarked' },
    ]);
    const value = valueOf({
      representative,
      documents: { 'dowod-wlasnosci': 'present', pelnomocnictwo: 'present' },
    });
    expect(value.conditions).toEqual(['pelnomocnik']);
    expect(value.feeGrosze).toBe(18050 + 1700);
    expect(value.representative).toEqual({
      firstName: 'Anna',
      lastName: 'Nowak',
      identity: { kind: 'pesel', pesel: withCheckDigit('0227080362') },
    });
  });

  it('asks for the representative’s identity and names only while someone acts', () => {
    expect(issuesOf({ representative: { acting: true, pesel: '123' } })).toEqual([
      { path: 'representative.pesel', code: 'pesel-format' },
      { path: 'representative.firstName', code: 'required' },
      { path: 'representative.lastName', code: 'required' },
      { path: 'documents.pelnomocnictwo', code: 'document-unmarked' },
    ]);
    // A half-filled section that is switched off is not the case's.
    expect(valueOf({ representative: { acting: false, pesel: '123' } }).representative).toBeNull();
  });

  it('does not take the representative condition from the ticked conditions', () => {
    const draft = complete({ conditions: ['pelnomocnik'] });
    expect([...draftConditions(draft)]).toEqual([]);
    expect(valueOf({ conditions: ['pelnomocnik'] })).toMatchObject({
      conditions: [],
      feeGrosze: 18050,
    });
  });

  it('asks for the documents of a ticked condition and keeps only the case type’s conditions', () => {
    expect(issuesOf({ conditions: ['sprowadzony'] })).toEqual([
      { path: 'documents.akcyza', code: 'document-unmarked' },
    ]);
    const value = valueOf({
      conditions: ['sprowadzony', 'obcy-warunek'],
      documents: { 'dowod-wlasnosci': 'present', akcyza: 'missing' },
    });
    expect(value.conditions).toEqual(['sprowadzony']);
    expect(value.documents).toEqual([
      { documentId: 'dowod-wlasnosci', state: 'present' },
      { documentId: 'akcyza', state: 'missing' },
    ]);
  });

  it("zeroes the case's fee under an exemption but keeps the power of attorney's", () => {
    expect(valueOf({ exemptionId: 'pomoc-spoleczna' }).feeGrosze).toBe(0);
    const value = valueOf({
      exemptionId: 'pomoc-spoleczna',
      representative: { acting: true, pesel: VALID_PESEL, firstName: 'Anna', lastName: 'Nowak' },
      documents: { 'dowod-wlasnosci': 'present', pelnomocnictwo: 'present' },
    });
    expect(value).toMatchObject({ exemptionId: 'pomoc-spoleczna', feeGrosze: 1700 });
    expect(issuesOf({ exemptionId: 'kombatant' })).toEqual([
      { path: 'exemptionId', code: 'exemption-unknown' },
    ]);
  });

  it('checks the case type’s own fields: a choice from its list, a number, a real date', () => {
    const fields = (changes: Record<string, string | boolean>) => ({
      vin: 'WVWZZZ1JZXW000001',
      rodzaj: 'osobowy',
      'data-nabycia': '2026-02-27',
      oswiadczenie: true,
      ...changes,
    });
    expect(
      issuesOf({
        fields: fields({ rodzaj: 'motocykl', masa: 'dużo', 'data-nabycia': '2026-02-30' }),
      }),
    ).toEqual([
      { path: 'fields.rodzaj', code: 'choice' },
      { path: 'fields.masa', code: 'number' },
      { path: 'fields.data-nabycia', code: 'date' },
    ]);
    expect(issuesOf({ fields: fields({ masa: '0x10' }) })).toEqual([
      { path: 'fields.masa', code: 'number' },
    ]);
    expect(issuesOf({ fields: fields({ 'data-nabycia': '27.02.2026' }) })).toEqual([
      { path: 'fields.data-nabycia', code: 'date' },
    ]);
    expect(issuesOf({ fields: fields({ vin: '   ' }) })).toEqual([
      { path: 'fields.vin', code: 'required' },
    ]);
    // A decimal comma is a number; a required yes/no answered "no" is answered.
    expect(
      valueOf({ fields: fields({ masa: '1234,5', oswiadczenie: false }) }).fields,
    ).toMatchObject({
      masa: 1234.5,
      oswiadczenie: false,
    });
  });
});
