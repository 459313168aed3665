import type { CaseDraftInput } from '../../../common/contract';
import type { CaseType } from '../../../common/contract/central/reference';

const WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

/**
 * A valid PESEL for a birth date and a 4-digit serial (the check digit computed): tests and the
 * benchmark need many real-looking ones. `month` is the calendar month; the century offset is
 * added (20 for 2000–2099).
 */
export function peselFor(
  date: { year: number; month: number; day: number },
  serial: number,
): string {
  const offset = date.year >= 2000 ? 20 : 0;
  const body =
    String(date.year % 100).padStart(2, '0') +
    String(date.month + offset).padStart(2, '0') +
    String(date.day).padStart(2, '0') +
    String(serial % 10000).padStart(4, '0');
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index]!, 0);
  return body + String((10 - (sum % 10)) % 10);
}

/** A certificate of residence, as the demo data has it: one document, a conditional one, a fee. */
export const certificateCaseType: CaseType = {
  id: 'zaswiadczenie-o-zameldowaniu',
  name: 'Zaświadczenie o zameldowaniu',
  departmentId: 'so',
  categoryIds: ['slaska.meldunki'],
  jrwa: '5332',
  documents: [
    {
      id: 'dowod-tozsamosci',
      name: 'Dowód osobisty lub paszport',
      whereToGet: 'Przy sobie',
      condition: null,
      feeGrosze: 0,
    },
    {
      id: 'pelnomocnictwo',
      name: 'Pełnomocnictwo',
      whereToGet: 'Od wnioskodawcy',
      condition: { id: 'pelnomocnik', label: 'W imieniu wnioskodawcy działa pełnomocnik' },
      feeGrosze: 1700,
    },
  ],
  feeGrosze: 1700,
  exemptions: [],
  lockerPickup: true,
  deadlineDays: 7,
  formFields: [{ id: 'cel', label: 'Cel zaświadczenia', kind: 'text', required: true }],
  demo: true,
};

/** A draft of that case type with everything filled in, as a clerk would submit it. */
export function completeDraft(
  applicant: { firstName?: string; lastName?: string; pesel?: string } = {},
): CaseDraftInput {
  return {
    caseTypeId: certificateCaseType.id,
    applicant: {
      identityKind: 'pesel',
      pesel: applicant.pesel ?? peselFor({ year: 1985, month: 1, day: 1 }, 2345),
      firstName: applicant.firstName ?? 'Jan',
      lastName: applicant.lastName ?? 'Kowalski',
      street: 'ul. Słowackiego 12/4',
      postalCode: '50-411',
      city: 'Wrocław',
    },
    documents: { 'dowod-tozsamosci': 'present' },
    fields: { cel: 'do banku' },
  };
}
