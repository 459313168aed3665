/**
 * The payment session of a counter PC (docs/payment-terminal.md §8): one transaction at a time
 * on the terminal, the journal written before the terminal is asked and at every status, the
 * commit answer only after the journal holds the approval, and an in-flight payment resolved by
 * asking the terminal, never by charging again. Protocol-neutral: it drives a TerminalAdapter.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { CasePayments, PaymentRecord, TerminalState } from '../../../common/contract';
import type {
  EndOfDayReport,
  PaymentMethod,
  PaymentRecordMutation,
} from '../../../common/contract/central/payments';
import type { Clock } from '../../app/clock';
import type { EventHub } from '../../app/eventHub';
import { ServiceError } from '../../ipc/serviceError';
import type { Outbox } from '../../sync/outbox';
import { casePayments } from './casePayments';
import { compareSettlement } from './compareSettlement';
import { matchLastTransaction, type Decision } from './matchLastTransaction';
import {
  IN_FLIGHT,
  caseNumberOf,
  findPayment,
  groupMaskedPan,
  insertEndOfDayReport,
  insertPayment,
  markEndOfDay,
  paymentsWithStatus,
  toPaymentRecord,
  traceHeldByOther,
  unsettledApproved,
  updatePayment,
  type PaymentChanges,
  type PaymentRow,
} from './paymentJournal';
import type { ChargeEnding, TerminalAdapter, TerminalResult } from './terminalAdapter';

/**
 * The points of a sale where a test may stop the app as a crash would (no cleanup): the
 * table of paymentCrash.test.ts walks every one.
 */
export type SaleStep =
  | 'prepared'
  | 'before-send'
  | 'after-send'
  | `after-status-${number}`
  | 'result-received'
  | 'journal-approving'
  | 'after-commit';

export type PaymentTimings = {
  /** How long an in-flight payment waits for the terminal to come back before a person decides. */
  resolveWaitMs: number;
  /** The terminal says "busy" (it is still ending the interrupted command): ask again after… */
  retryMs: number;
  retries: number;
  /** The terminal's clock against the PC's, when matching its last transaction. */
  toleranceMs: number;
};

export const DEFAULT_PAYMENT_TIMINGS: PaymentTimings = {
  resolveWaitMs: 120_000,
  retryMs: 1_000,
  retries: 10,
  toleranceMs: 10 * 60_000,
};

export type PaymentServiceOptions = {
  db: Database.Database;
  clock: Clock;
  adapter: TerminalAdapter;
  outbox: Pick<Outbox, 'enqueue'>;
  hub: Pick<EventHub, 'publish'>;
  clerkLogin: () => string | null;
  workstation: { siteId: string; counterNumber: number };
  newId?: () => string;
  timings?: Partial<PaymentTimings>;
  /** Tests: called at each step of a sale; a crash test never lets it return. */
  checkpoint?: (step: SaleStep) => Promise<void> | void;
  /** Told of what could not be done in the background (the log). */
  onError?: (error: unknown, what: string) => void;
};

const TERMINAL_WORDS = {
  notSent: 'Terminal nie jest podłączony: płatność nie została wysłana, nic nie pobrano.',
  refused: 'Terminal odmówił rozpoczęcia płatności',
  ecrRefused: 'Nie udało się zapisać wyniku: terminal wycofał płatność, nic nie pobrano.',
  neverSent: 'Program zatrzymał się przed wysłaniem płatności: nic nie pobrano.',
};

class SessionStoppedError extends Error {
  override readonly name = 'SessionStoppedError';
  constructor() {
    super('the payment session was stopped');
  }
}

export function createPaymentService(options: PaymentServiceOptions) {
  const { db, clock, adapter, outbox, hub } = options;
  const newId = options.newId ?? randomUUID;
  const timings = { ...DEFAULT_PAYMENT_TIMINGS, ...options.timings };
  const checkpoint = options.checkpoint ?? (() => undefined);
  const onError = options.onError ?? (() => undefined);

  let operation: Promise<void> | null = null;
  let runningPaymentId: string | null = null;
  let terminalId: string | null = null;
  let published: TerminalState | null = null;
  let stopped = false;

  function now(): string {
    return clock.now().toISOString();
  }

  function clerk(): string {
    const login = options.clerkLogin();
    if (login === null) throw new ServiceError('no-session', 'Nikt nie jest zalogowany.');
    return login;
  }

  function record(row: PaymentRow): PaymentRecord {
    return toPaymentRecord(row, caseNumberOf(db, row.case_id));
  }

  /** After stop() nothing more is written: what is in flight is resolved at the next start. */
  function ensureRunning(): void {
    if (stopped) throw new SessionStoppedError();
  }

  function write(paymentId: string, changes: PaymentChanges, note: string | null = null) {
    ensureRunning();
    const row = updatePayment(db, paymentId, changes, now(), note);
    if (!stopped) hub.publish('payments:changed', record(row));
    return row;
  }

  // ── the terminal's state ──────────────────────────────────────────────────────────────

  function terminalState(): TerminalState {
    const connection =
      adapter.connection() === 'connected' ? (operation ? 'busy' : 'connected') : 'disconnected';
    if (published && published.connection === connection && published.terminalId === terminalId) {
      return published;
    }
    published = {
      kind: adapter.kind,
      connection,
      terminalId,
      since: published && published.connection === connection ? published.since : now(),
      detail:
        connection === 'disconnected'
          ? 'Terminal nie jest podłączony.'
          : connection === 'busy'
            ? 'Terminal wykonuje operację.'
            : null,
    };
    return published;
  }

  function announceTerminal(): void {
    const before = published;
    const state = terminalState();
    if (state !== before && !stopped) hub.publish('payments:terminalChanged', state);
  }

  function learnTerminalId(id: string | null): void {
    if (id !== null && id !== terminalId) {
      terminalId = id;
      announceTerminal();
    }
  }

  /** Runs one terminal operation at a time; the terminal shows as busy meanwhile. */
  function runOperation(work: () => Promise<void>, what: string): Promise<void> {
    const run = (async () => {
      try {
        await work();
      } catch (error) {
        if (!(error instanceof SessionStoppedError)) onError(error, what);
      }
    })();
    const tracked = run.finally(() => {
      if (operation === tracked) operation = null;
      runningPaymentId = null;
      announceTerminal();
      if (!stopped && adapter.connection() === 'connected') maybeRecover();
    });
    operation = tracked;
    announceTerminal();
    return tracked;
  }

  // ── approvals and the outbox ───────────────────────────────────────────────────────────

  /** The journal's `approved` and the `payment.record` mutation commit together. */
  function approve(
    paymentId: string,
    result: TerminalResult | null,
    extra: PaymentChanges = {},
    note: string | null = null,
  ): PaymentRow {
    ensureRunning();
    const at = now();
    const row = db.transaction(() => {
      const updated = updatePayment(
        db,
        paymentId,
        {
          status: 'approved',
          prompt: null,
          finished_at: at,
          ...(result ? resultColumns(result) : {}),
          ...extra,
        },
        at,
        note,
      );
      const payload: PaymentRecordMutation = {
        paymentId: updated.payment_id,
        caseId: updated.case_id,
        siteId: options.workstation.siteId,
        counterNumber: options.workstation.counterNumber,
        clerkLogin: updated.clerk_login,
        method: updated.method,
        amountGrosze: updated.amount_grosze,
        outcome: 'approved',
        terminalId: updated.terminal_id,
        traceNumber: updated.trace_number === null ? null : String(updated.trace_number),
        receiptNumber: updated.receipt_number === null ? null : String(updated.receipt_number),
        authorisationCode: updated.authorisation_code,
        maskedPan: groupMaskedPan(updated.masked_pan),
        at,
      };
      outbox.enqueue({ type: 'payment.record', payload });
      return updated;
    })();
    if (!stopped) hub.publish('payments:changed', record(row));
    return row;
  }

  function resultColumns(result: TerminalResult): PaymentChanges {
    learnTerminalId(result.terminalId);
    return {
      result_code: result.resultCode,
      result_text: result.text.pl,
      ...(result.traceNumber !== null ? { trace_number: result.traceNumber } : {}),
      ...(result.receiptNumber !== null ? { receipt_number: result.receiptNumber } : {}),
      ...(result.authorisationCode !== null
        ? { authorisation_code: result.authorisationCode }
        : {}),
      ...(result.cardNumberMasked !== null ? { masked_pan: result.cardNumberMasked } : {}),
      ...(result.terminalId !== null ? { terminal_id: result.terminalId } : {}),
      ...(result.terminalTime !== null ? { terminal_time: result.terminalTime } : {}),
    };
  }

  function finish(
    paymentId: string,
    status: 'declined' | 'cancelled' | 'failed' | 'needs-reconciliation',
    text: string,
    extra: PaymentChanges = {},
    note: string | null = null,
  ): void {
    write(
      paymentId,
      {
        status,
        prompt: null,
        result_text: text,
        finished_at: status === 'needs-reconciliation' ? null : now(),
        ...extra,
      },
      note,
    );
  }

  // ── a sale ─────────────────────────────────────────────────────────────────────────────

  async function runSale(paymentId: string): Promise<void> {
    await checkpoint('prepared');
    const prepared = write(paymentId, { status: 'sent', sent_at: now(), prompt: 'please-wait' });
    await checkpoint('before-send');
    let statuses = 0;
    const ending = await adapter.charge(
      { amountGrosze: prepared.amount_grosze, method: prepared.method },
      {
        accepted: async () => {
          await checkpoint('after-send');
          write(paymentId, { status: 'in-progress' });
        },
        progress: async (progress) => {
          write(paymentId, { status: 'in-progress', prompt: progress.prompt }, progress.text.en);
          statuses += 1;
          await checkpoint(`after-status-${statuses}`);
        },
        result: async (result) => {
          await checkpoint('result-received');
          write(paymentId, {
            ...resultColumns(result),
            ...(result.approved ? { status: 'approving', prompt: 'processing' } : {}),
          });
          await checkpoint('journal-approving');
          return true;
        },
        committed: async (result) => {
          await checkpoint('after-commit');
          approve(paymentId, result);
        },
      },
    );
    await settleEnding(paymentId, ending);
  }

  async function settleEnding(paymentId: string, ending: ChargeEnding): Promise<void> {
    switch (ending.kind) {
      case 'not-sent':
        return finish(paymentId, 'failed', TERMINAL_WORDS.notSent, {}, ending.detail);
      case 'refused':
        return finish(paymentId, 'failed', `${TERMINAL_WORDS.refused}: ${ending.text.pl}`, {
          result_code: ending.resultCode,
        });
      case 'aborted':
        return finish(
          paymentId,
          ending.category === 'cancelled' ? 'cancelled' : 'declined',
          ending.text.pl,
          { result_code: ending.resultCode },
        );
      case 'result': {
        const { result, committed } = ending;
        if (!result.approved) {
          return finish(
            paymentId,
            result.category === 'cancelled' ? 'cancelled' : 'declined',
            result.text.pl,
          );
        }
        if (committed === true) return; // approved when the commit answer was delivered
        if (committed === false) return finish(paymentId, 'failed', TERMINAL_WORDS.ecrRefused);
        return resolveInFlight(paymentId, 'the commit answer may not have arrived');
      }
      case 'inconclusive':
        return resolveInFlight(paymentId, ending.detail);
    }
  }

  // ── resolving what is in flight (§8 rule 4) ───────────────────────────────────────────

  async function resolveInFlight(paymentId: string, why: string): Promise<void> {
    const row = findPayment(db, paymentId);
    if (!row || !IN_FLIGHT.includes(row.status)) return;
    if (row.status === 'prepared') {
      return finish(paymentId, 'failed', TERMINAL_WORDS.neverSent, {}, why);
    }
    write(paymentId, { prompt: 'please-wait' }, `asking the terminal: ${why}`);
    let reason = 'the terminal did not answer';
    for (let attempt = 0; attempt <= timings.retries; attempt++) {
      if (attempt > 0) await sleep(timings.retryMs);
      if (!(await adapter.waitForConnection(timings.resolveWaitMs))) {
        reason = 'the terminal did not come back';
        break;
      }
      const answer = await adapter.lastTransaction();
      if (answer.kind === 'busy' || answer.kind === 'unavailable') {
        reason = answer.kind === 'busy' ? 'the terminal stayed busy' : answer.detail;
        continue;
      }
      const current = findPayment(db, paymentId)!;
      const decision = matchLastTransaction(
        {
          amountGrosze: current.amount_grosze,
          traceNumber: current.trace_number,
          sentAt: current.sent_at,
        },
        answer,
        {
          traceHeldByOther: (trace) => traceHeldByOther(db, trace, paymentId),
          toleranceMs: timings.toleranceMs,
        },
      );
      return applyDecision(
        paymentId,
        decision,
        answer.kind === 'transaction' ? answer.result : null,
      );
    }
    finish(
      paymentId,
      'needs-reconciliation',
      'Nie wiadomo, czy pobrano pieniądze: sprawdź wydruk terminala i rozlicz ręcznie.',
      {},
      reason,
    );
  }

  function applyDecision(
    paymentId: string,
    decision: Decision,
    result: TerminalResult | null,
  ): void {
    switch (decision.outcome) {
      case 'approved':
        approve(paymentId, result, {}, decision.reason);
        return;
      case 'not-charged':
        finish(
          paymentId,
          'failed',
          'Płatność nie doszła do skutku (terminal ją wycofał lub nie zatwierdził): nic nie pobrano.',
          {},
          decision.reason,
        );
        return;
      case 'needs-reconciliation':
        finish(
          paymentId,
          'needs-reconciliation',
          'Nie wiadomo, czy pobrano pieniądze: sprawdź wydruk terminala i rozlicz ręcznie.',
          {},
          decision.reason,
        );
    }
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** Rows left in flight (a crash, a lost link): asked about one by one, when connected. */
  function maybeRecover(): Promise<void> {
    if (operation || stopped) return operation ?? Promise.resolve();
    const open = paymentsWithStatus(db, IN_FLIGHT);
    if (open.length === 0) return Promise.resolve();
    return runOperation(async () => {
      for (const row of open) await resolveInFlight(row.payment_id, 'found in flight');
    }, 'recovery');
  }

  function requireIdleTerminal(): void {
    if (adapter.connection() !== 'connected') {
      throw new ServiceError('terminal-disconnected', 'Terminal nie jest podłączony.');
    }
    if (operation || paymentsWithStatus(db, IN_FLIGHT).length > 0) {
      throw new ServiceError('terminal-busy', 'Terminal wykonuje inną operację.');
    }
  }

  function getRow(paymentId: string): PaymentRow {
    const row = findPayment(db, paymentId);
    if (!row) throw new ServiceError('unknown-payment', 'Nie ma takiej płatności.');
    return row;
  }

  const unsubscribe = adapter.onConnection((connection) => {
    announceTerminal();
    if (connection === 'connected') void maybeRecover();
  });

  return {
    terminal(): TerminalState {
      return terminalState();
    },

    /** Writes the payment (prepared) and starts the sale; its statuses follow as events. */
    start(request: { caseId: string; method: PaymentMethod; amountGrosze: number }): PaymentRecord {
      const clerkLogin = clerk();
      const owed = casePayments(db, request.caseId);
      if (!owed) throw new ServiceError('unknown-case', 'Nie ma takiej sprawy na tym stanowisku.');
      if (owed.payments.some((payment) => payment.status === 'needs-reconciliation')) {
        throw new ServiceError(
          'needs-reconciliation-first',
          'Poprzednia płatność tej sprawy czeka na rozliczenie: najpierw ją rozlicz.',
        );
      }
      requireIdleTerminal();
      if (request.amountGrosze > owed.dueGrosze) {
        throw new ServiceError(
          'amount-exceeds-due',
          'Kwota przekracza to, co pozostało do zapłaty w tej sprawie.',
        );
      }
      const paymentId = newId();
      db.transaction(() =>
        insertPayment(db, {
          payment_id: paymentId,
          case_id: request.caseId,
          method: request.method,
          amount_grosze: request.amountGrosze,
          clerk_login: clerkLogin,
          started_at: now(),
        }),
      )();
      const started = record(getRow(paymentId));
      hub.publish('payments:changed', started);
      void runOperation(() => runSale(paymentId), 'sale');
      runningPaymentId = paymentId;
      return started;
    },

    async cancel(paymentId: string): Promise<PaymentRecord> {
      clerk();
      const row = getRow(paymentId);
      if (runningPaymentId !== paymentId || !toPaymentRecord(row, null).cancellable) {
        throw new ServiceError('too-late', 'Płatności nie można już przerwać.');
      }
      if (!(await adapter.cancel())) {
        throw new ServiceError('too-late', 'Terminal nie przerwał płatności: jest już za późno.');
      }
      return record(getRow(paymentId));
    },

    get(paymentId: string): PaymentRecord {
      return record(getRow(paymentId));
    },

    forCase(caseId: string): CasePayments {
      const owed = casePayments(db, caseId);
      if (!owed) throw new ServiceError('unknown-case', 'Nie ma takiej sprawy na tym stanowisku.');
      return owed;
    },

    reconciliation(): PaymentRecord[] {
      return paymentsWithStatus(db, ['needs-reconciliation']).map(record);
    },

    /** A person checked the terminal's printout and says how the payment ended. */
    settle(request: {
      paymentId: string;
      outcome: 'approved' | 'not-charged';
      note: string;
    }): PaymentRecord {
      const clerkLogin = clerk();
      const row = getRow(request.paymentId);
      if (row.status !== 'needs-reconciliation') {
        throw new ServiceError(
          'not-awaiting-reconciliation',
          'Ta płatność nie czeka na rozliczenie.',
        );
      }
      const settled = { settled_by: clerkLogin, settled_note: request.note };
      const note = `settled by hand: ${request.outcome}`;
      if (request.outcome === 'approved') {
        return record(approve(row.payment_id, null, settled, note));
      }
      finish(
        row.payment_id,
        'failed',
        'Rozliczono ręcznie: nic nie pobrano.',
        { ...settled, finished_at: now() },
        note,
      );
      return record(getRow(row.payment_id));
    },

    /** The terminal's end of day beside the journal; stored and sent to the central server. */
    async endOfDay(): Promise<EndOfDayReport> {
      const clerkLogin = clerk();
      requireIdleTerminal();
      const outcome: { report?: EndOfDayReport; failure?: ServiceError } = {};
      await runOperation(async () => {
        const answer = await adapter.settle();
        if (answer.kind !== 'settled') {
          outcome.failure =
            answer.kind === 'busy'
              ? new ServiceError('terminal-busy', 'Terminal wykonuje inną operację.')
              : new ServiceError(
                  'terminal-disconnected',
                  `Terminal nie zamknął dnia: ${answer.detail}`,
                );
          return;
        }
        learnTerminalId(answer.terminalId);
        const payments = unsettledApproved(db);
        const comparison = compareSettlement(
          answer,
          payments.map((row) => ({
            paymentId: row.payment_id,
            method: row.method,
            amountGrosze: row.amount_grosze,
            traceNumber: row.trace_number,
          })),
        );
        const built: EndOfDayReport = {
          reportId: newId(),
          siteId: options.workstation.siteId,
          counterNumber: options.workstation.counterNumber,
          clerkLogin,
          terminalId: answer.terminalId ?? terminalId,
          ranAt: now(),
          ...comparison,
        };
        db.transaction(() => {
          insertEndOfDayReport(db, built, built);
          markEndOfDay(
            db,
            payments.map((row) => row.payment_id),
            built.reportId,
          );
          outbox.enqueue({ type: 'payment.endOfDay', payload: built });
        })();
        outcome.report = built;
      }, 'end of day');
      if (outcome.failure) throw outcome.failure;
      if (!outcome.report) throw new Error('end of day ended without a report');
      return outcome.report;
    },

    /** At start-up: payments a crash left in flight are asked about (when connected). */
    recover(): Promise<void> {
      return maybeRecover();
    },

    /** Resolves when the terminal operation running now (if any) has ended. */
    async idle(): Promise<void> {
      while (operation) await operation;
    },

    stop(): void {
      stopped = true;
      unsubscribe();
    },
  };
}

export type PaymentService = ReturnType<typeof createPaymentService>;
