import { randomUUID } from 'node:crypto';
import type { CaseRegistration } from '../../common/contract/central/cases';
import type { EndOfDayReport, PaymentRecordMutation } from '../../common/contract/central/payments';
import {
  pushResponseSchema,
  type Mutation,
  type MutationResult,
} from '../../common/contract/central/sync';
import type { CentralApp } from '../http/centralContext';
import { vehicleRegistration } from '../testing/caseRegistrationSample';

/** Test data for the payment mutations (tests only). */

export const paymentPayload = (
  overrides: Partial<PaymentRecordMutation> = {},
): PaymentRecordMutation => ({
  paymentId: randomUUID(),
  caseId: randomUUID(),
  siteId: 'slaska',
  counterNumber: 1,
  clerkLogin: 'urzednik1',
  method: 'card',
  amountGrosze: 18050,
  outcome: 'approved',
  terminalId: 'T0000001',
  traceNumber: '000101',
  receiptNumber: '0042',
  authorisationCode: 'A1B2C3',
  maskedPan: '**** **** **** 1234',
  at: '2026-03-02T09:20:00.000Z',
  ...overrides,
});

export const endOfDayPayload = (overrides: Partial<EndOfDayReport> = {}): EndOfDayReport => ({
  reportId: randomUUID(),
  siteId: 'slaska',
  counterNumber: 1,
  clerkLogin: 'urzednik1',
  terminalId: 'T0000001',
  ranAt: '2026-03-02T15:30:00.000Z',
  terminal: [{ method: 'card', count: 1, totalGrosze: 18050 }],
  journal: [{ method: 'card', count: 1, totalGrosze: 18050 }],
  differences: [],
  balanced: true,
  ...overrides,
});

/** A case of the demo reference data (`rejestracja-pojazdu`), to register beside a payment. */
export const caseRegistration = (caseId: string): CaseRegistration =>
  vehicleRegistration({ caseId });

export const mutationOf = (type: string, payload: unknown): Mutation => ({
  id: randomUUID(),
  type,
  payload,
  createdAt: '2026-03-02T09:20:00.000Z',
});

export async function pushTo(
  app: CentralApp,
  headers: Record<string, string>,
  mutations: readonly Mutation[],
): Promise<MutationResult[]> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/sync/push',
    headers,
    payload: { mutations },
  });
  if (response.statusCode !== 200) {
    throw new Error(`push answered ${response.statusCode}: ${response.body}`);
  }
  return pushResponseSchema.parse(response.json()).results;
}
