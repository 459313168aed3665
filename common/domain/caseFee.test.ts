import { describe, expect, it } from 'vitest';
import type { ChecklistDocument } from './caseChecklist';
import { computeCaseFee, type CaseFeeInput } from './caseFee';

const powerOfAttorney: ChecklistDocument = {
  id: 'pelnomocnictwo',
  name: 'Pełnomocnictwo',
  whereToGet: 'Od mocodawcy',
  condition: { id: 'pelnomocnik', label: 'Działa pełnomocnik' },
  feeGrosze: 1700,
};
const photo: ChecklistDocument = {
  id: 'fotografia',
  name: 'Fotografia',
  whereToGet: 'Zakład fotograficzny',
  condition: null,
  feeGrosze: 0,
};
const registration: CaseFeeInput['caseType'] = {
  feeGrosze: 18050,
  documents: [photo, powerOfAttorney],
  exemptions: [{ id: 'pomoc-spoleczna' }],
};

describe('computeCaseFee', () => {
  it("charges the case type's fee and lists no document without a fee", () => {
    expect(computeCaseFee({ caseType: registration, conditions: [], exemptionId: null })).toEqual({
      lines: [{ kind: 'case', grosze: 18050, exemptionId: null }],
      totalGrosze: 18050,
    });
  });

  it('adds the 17 zł power of attorney duty while someone acts for the applicant', () => {
    const fee = computeCaseFee({
      caseType: registration,
      conditions: new Set(['pelnomocnik']),
      exemptionId: null,
    });
    expect(fee.lines).toEqual([
      { kind: 'case', grosze: 18050, exemptionId: null },
      { kind: 'document', documentId: 'pelnomocnictwo', name: 'Pełnomocnictwo', grosze: 1700 },
    ]);
    expect(fee.totalGrosze).toBe(19750);
  });

  it("waives the case's fee under an exemption, but not the document's", () => {
    const fee = computeCaseFee({
      caseType: registration,
      conditions: ['pelnomocnik'],
      exemptionId: 'pomoc-spoleczna',
    });
    expect(fee.lines[0]).toEqual({ kind: 'case', grosze: 0, exemptionId: 'pomoc-spoleczna' });
    expect(fee.totalGrosze).toBe(1700);
    expect(
      computeCaseFee({ caseType: registration, conditions: [], exemptionId: 'pomoc-spoleczna' })
        .totalGrosze,
    ).toBe(0);
  });

  it('lists no case line for a case type without a fee; its documents still cost', () => {
    const free = { ...registration, feeGrosze: 0 };
    expect(
      computeCaseFee({ caseType: free, conditions: ['pelnomocnik'], exemptionId: null }),
    ).toEqual({
      lines: [
        { kind: 'document', documentId: 'pelnomocnictwo', name: 'Pełnomocnictwo', grosze: 1700 },
      ],
      totalGrosze: 1700,
    });
  });

  it('throws on an exemption the case type does not list (a caller bug)', () => {
    expect(() =>
      computeCaseFee({ caseType: registration, conditions: [], exemptionId: 'kombatant' }),
    ).toThrow(RangeError);
  });
});
