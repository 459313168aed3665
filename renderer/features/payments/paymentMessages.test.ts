import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  paymentPromptSchema,
  paymentStatusSchema,
  type PaymentRecord,
} from '../../../common/contract';
import {
  caseStateText,
  liveStatusText,
  paymentsErrorText,
  resultText,
  terminalText,
} from './paymentMessages';
import { paymentsEn, paymentsPl } from './paymentsLocale';
import { latestApproved } from './paymentStatus';

/** A `t` over one language's strings (`{{name}}` filled in); a missing key throws. */
const tOver = (strings: object) =>
  ((key: string, values: Record<string, string> = {}) => {
    const text = key
      .replace(/^payments\./, '')
      .split('.')
      .reduce<unknown>((node, part) => {
        const next = (node as Record<string, unknown>)[part];
        if (next === undefined) throw new Error(`No string for ${key}`);
        return next;
      }, strings);
    return String(text).replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
  }) as unknown as TFunction;
const t = tOver(paymentsPl);

const record = (overrides: Partial<PaymentRecord> = {}): PaymentRecord => ({
  paymentId: '7d5b7c2e-9c1a-4f53-8d55-0a5c0d7c1f11',
  caseId: '0b5e2b7e-2a4c-4a4b-9d59-5f0c6f1e2d3c',
  caseNumber: 'KM.5410.12.2026',
  method: 'card',
  amountGrosze: 123456,
  status: 'in-progress',
  prompt: null,
  resultText: null,
  resultCode: null,
  authorisationCode: null,
  maskedPan: null,
  traceNumber: null,
  receiptNumber: null,
  terminalId: 'T0000001',
  clerkLogin: 'urzednik1',
  startedAt: '2026-03-02T09:20:00.000Z',
  finishedAt: null,
  cancellable: true,
  ...overrides,
});

describe('payment messages', () => {
  it('shows the terminal’s prompt in the words the clerk reads out', () => {
    expect(liveStatusText(t, record({ prompt: 'insert-card' }))).toBe('Włóż lub zbliż kartę');
    expect(liveStatusText(t, record({ prompt: 'enter-blik-code' }))).toBe(
      'Interesant wpisuje kod BLIK',
    );
    expect(liveStatusText(t, record({ prompt: 'confirm-in-bank-app' }))).toBe(
      'Interesant potwierdza płatność w aplikacji banku',
    );
    expect(liveStatusText(t, record({ status: 'sent' }))).toContain('Wysłano do terminalu');
  });

  it('has words for every prompt and outcome in both languages', () => {
    for (const strings of [paymentsPl, paymentsEn]) {
      const tl = tOver(strings);
      for (const prompt of paymentPromptSchema.options) {
        expect(liveStatusText(tl, record({ prompt }))).not.toBe('');
      }
      for (const status of paymentStatusSchema.options) {
        const running = ['prepared', 'sent', 'in-progress', 'reversing'].includes(status);
        const words = running
          ? liveStatusText(tl, record({ status }))
          : resultText(tl, record({ status }), 'pl');
        expect(words, status).toBeTruthy();
      }
    }
  });

  it('says whether money was taken: approved with the amount, declined with why, unknown: do not retry', () => {
    expect(resultText(t, record({ status: 'approved' }), 'pl')).toBe(
      'Płatność przyjęta: 1\u00a0234,56\u00a0zł. Można wydać potwierdzenie.',
    );
    expect(resultText(t, record({ status: 'declined', resultText: 'Brak środków' }), 'pl')).toBe(
      'Płatność odrzucona: Brak środków. Nic nie pobrano; interesant może spróbować ponownie.',
    );
    expect(resultText(t, record({ status: 'declined' }), 'pl')).toContain('bank nie podał powodu');
    expect(resultText(t, record({ status: 'failed' }), 'pl')).toContain('Nic nie pobrano');
    expect(resultText(t, record({ status: 'needs-reconciliation' }), 'pl')).toContain(
      'Nie ponawiaj płatności',
    );
    expect(resultText(t, record({ status: 'in-progress' }), 'pl')).toBeNull();
  });

  it('shows an unplugged or busy terminal as such', () => {
    const state = {
      kind: 'simulator' as const,
      terminalId: null,
      since: '2026-03-02T09:00:00.000Z',
      detail: null,
    };
    expect(terminalText(t, { ...state, connection: 'disconnected' })).toContain('niepodłączony');
    expect(terminalText(t, { ...state, connection: 'busy' })).toContain('zajęty');
    expect(terminalText(t, { ...state, connection: 'connected' })).toBe('Terminal gotowy');
  });

  it('states what the case owes', () => {
    const payments = { caseId: record().caseId ?? '', payments: [] };
    expect(
      caseStateText(
        t,
        { ...payments, feeGrosze: 18050, paidGrosze: 5000, dueGrosze: 13050, state: 'partly-paid' },
        'pl',
      ),
    ).toBe('Opłacona częściowo: zapłacono 50,00\u00a0zł, pozostało 130,50\u00a0zł');
    expect(
      caseStateText(
        t,
        { ...payments, feeGrosze: 18050, paidGrosze: 18050, dueGrosze: 0, state: 'paid' },
        'pl',
      ),
    ).toBe('Opłacona: 180,50\u00a0zł');
  });

  it('explains a refusal in the clerk’s words, and shows main’s message for anything else', () => {
    expect(paymentsErrorText(t, { code: 'terminal-busy', message: 'busy' })).toBe(
      'Terminal zajęty: trwa inna transakcja.',
    );
    expect(paymentsErrorText(t, { code: 'timeout', message: 'No answer' })).toBe(
      'Nie udało się: No answer',
    );
  });

  it('confirms the latest approved payment, not a declined one after it', () => {
    const first = record({
      paymentId: '11111111-1111-4111-8111-111111111111',
      status: 'approved',
      finishedAt: '2026-03-02T09:21:00.000Z',
    });
    const declined = record({ status: 'declined', finishedAt: '2026-03-02T09:30:00.000Z' });
    expect(latestApproved([first, declined])).toBe(first);
    expect(latestApproved([declined])).toBeNull();
  });
});
