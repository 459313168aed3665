import type { CaseRegistration } from '../contract/central/cases';
import { caseDraftDataSchema, type CaseDraftData } from '../contract/caseDraft';

/**
 * One made-up resident, for the tests that prove the log never holds personal data: a valid
 * PESEL, names with Polish letters, a street, an e-mail and a phone number. Each value is
 * distinctive enough that finding it in a log file cannot be a coincidence.
 */
export const SAMPLE_PERSON = {
  pesel: '44051401458',
  firstName: 'Bożydar',
  lastName: 'Grzegżółka',
  street: 'ul. Wierzbowa 17/9',
  postalCode: '31-534',
  city: 'Mszana Dolna',
  phone: '601 234 567',
  email: 'bozydar.grzegzolka@poczta.example',
  representativeFirstName: 'Wiesława',
  representativeLastName: 'Ćwierćwiek',
  representativePesel: '90020312344',
  notes: 'Dzwonić po 16, pyta o Ćwierćwiek',
} as const;

/** The values a log scan looks for (street without its `ul.`, which the mask keeps). */
export const KNOWN_PERSONAL_VALUES: readonly string[] = [
  SAMPLE_PERSON.pesel,
  SAMPLE_PERSON.firstName,
  SAMPLE_PERSON.lastName,
  'Wierzbowa',
  SAMPLE_PERSON.postalCode,
  SAMPLE_PERSON.phone,
  '601234567',
  SAMPLE_PERSON.email,
  SAMPLE_PERSON.representativeFirstName,
  SAMPLE_PERSON.representativeLastName,
  SAMPLE_PERSON.representativePesel,
];

export function syntheticRegistration(): CaseRegistration {
  return {
    caseId: '0b3e6f1c-5d2a-4f6e-9a7b-1c2d3e4f5a6b',
    siteId: 'slaska',
    counterNumber: 1,
    clerkLogin: 'urzednik1',
    caseTypeId: 'dowod-osobisty',
    ticketId: null,
    ticketNumber: null,
    applicant: {
      identity: { kind: 'pesel', pesel: SAMPLE_PERSON.pesel },
      firstName: SAMPLE_PERSON.firstName,
      lastName: SAMPLE_PERSON.lastName,
      address: {
        street: SAMPLE_PERSON.street,
        postalCode: SAMPLE_PERSON.postalCode,
        city: SAMPLE_PERSON.city,
      },
      phone: SAMPLE_PERSON.phone,
      email: SAMPLE_PERSON.email,
    },
    representative: {
      firstName: SAMPLE_PERSON.representativeFirstName,
      lastName: SAMPLE_PERSON.representativeLastName,
      identity: { kind: 'pesel', pesel: SAMPLE_PERSON.representativePesel },
    },
    conditions: ['wymiana'],
    documents: [{ documentId: 'fotografia', state: 'present' }],
    exemptionId: null,
    feeGrosze: 0,
    fields: { powod: `zmiana nazwiska z ${SAMPLE_PERSON.representativeLastName}` },
    notes: SAMPLE_PERSON.notes,
    submittedAt: '2026-11-28T09:00:00.000Z',
  };
}

export function syntheticCaseDraft(): CaseDraftData {
  return caseDraftDataSchema.parse({
    caseTypeId: 'dowod-osobisty',
    applicant: {
      pesel: SAMPLE_PERSON.pesel,
      firstName: SAMPLE_PERSON.firstName,
      lastName: SAMPLE_PERSON.lastName,
      street: SAMPLE_PERSON.street,
      postalCode: SAMPLE_PERSON.postalCode,
      city: SAMPLE_PERSON.city,
      phone: SAMPLE_PERSON.phone,
      email: SAMPLE_PERSON.email,
    },
    representative: {
      acting: true,
      pesel: SAMPLE_PERSON.representativePesel,
      firstName: SAMPLE_PERSON.representativeFirstName,
      lastName: SAMPLE_PERSON.representativeLastName,
    },
    notes: SAMPLE_PERSON.notes,
  });
}
