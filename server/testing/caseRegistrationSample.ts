import { randomUUID } from 'node:crypto';
import type { CaseRegistration } from '../../common/contract/central/cases';

/**
 * Jan Kowalski registering a vehicle at Śląska (`rejestracja-pojazdu` of the demo reference
 * data, KM's class 5410), without a ticket: the case the server's tests push (tests only).
 */
export const vehicleRegistration = (
  overrides: Partial<CaseRegistration> = {},
): CaseRegistration => ({
  caseId: randomUUID(),
  siteId: 'slaska',
  counterNumber: 1,
  clerkLogin: 'urzednik1',
  caseTypeId: 'rejestracja-pojazdu',
  ticketId: null,
  ticketNumber: null,
  applicant: {
    identity: { kind: 'pesel', pesel: '44051401359' },
    firstName: 'Jan',
    lastName: 'Kowalski',
    address: { street: 'ul. Śląska 12/4', postalCode: '81-310', city: 'Gdynia' },
    phone: null,
    email: null,
  },
  representative: null,
  conditions: [],
  documents: [],
  exemptionId: null,
  feeGrosze: 18050,
  fields: { vin: 'WVWZZZ1JZXW000001' },
  notes: '',
  submittedAt: '2026-03-02T09:15:00.000Z',
  ...overrides,
});
