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
import { matchLastTransaction, withinTolerance, type Decision } from './matchLastTransaction';
import {
  IN_FLIGHT,
  caseNumberOf,
  findPayment,
  groupMaskedPan,
  insertEndOfDayReport,
  insertPayment,
  markEndOfDay,
  paymentsWithStatus,
  REVERSING,
  addHistory,
  reversalPending,
  reversalsInFlight,
  toPaymentRecord,
  traceHeldByOther,
  unsettledApproved,
  updatePayment,
  type PaymentChanges,
  type PaymentRow,
} from './paymentJournal';
import type {
  ChargeEnding,
  LastTransactionAnswer,
  TerminalAdapter,
  TerminalResult,
} from './terminalAdapter';

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
  | 'after-commit'
  /** A reversal's steps (06 30): its journal line is written, the command sent, the result… */
  | 'reversal-prepared'
  | 'reversal-sent'
  | 'reversal-result'
  | 'reversal-committed';

export type PaymentTimings = {
  /** How long an in-flight payment waits for the terminal to come back before a person decides. */
  resolveWaitMs: number;
  /** The terminal says "busy" (it is still ending the interrupted command): ask again after… */
  retryMs: number;
  retries: number;
  /** The terminal's clock against the PC's, when matching its last transaction. */
  toleranceMs: number;
  /** From the link coming up to the registration (06 00). */
  registerDelayMs: number;
};

export const DEFAULT_PAYMENT_TIMINGS: PaymentTimings = {
  resolveWaitMs: 120_000,
  retryMs: 1_000,
  retries: 10,
  toleranceMs: 10 * 60_000,
  registerDelayMs: 500,
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
  reversed: 'Płatność anulowana: pieniądze wróciły na kartę lub konto.',
  reversalNotDone: 'Nie anulowano płatności',
  unknown: 'Nie wiadomo, czy pobrano pieniądze: sprawdź wydruk terminala i rozlicz ręcznie.',
  reversalUnknown:
    'Nie wiadomo, czy anulowanie się udało: sprawdź wydruk terminala i rozlicz ręcznie.',
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
    return commitOutcome(
      paymentId,
      'approved',
      (at) => ({
        status: 'approved',
        prompt: null,
        finished_at: at,
        ...(result ? resultColumns(result) : {}),
        ...extra,
      }),
      note,
    );
  }

  /**
   * An outcome the server must hear of: the journal's row (the changes made at the outcome's
   * time) and its `payment.record` mutation commit together; then the windows are told.
   */
  function commitOutcome(
    paymentId: string,
    outcome: 'approved' | 'reversed',
    changesAt: (at: string) => PaymentChanges,
    note: string | null,
  ): PaymentRow {
    ensureRunning();
    const at = now();
    const row = db.transaction(() => {
      const updated = updatePayment(db, paymentId, changesAt(at), at, note);
      outbox.enqueue({ type: 'payment.record', payload: recordMutation(updated, outcome, at) });
      return updated;
    })();
    if (!stopped) hub.publish('payments:changed', record(row));
    return row;
  }

  /** The payment as the central server gets it: the sale's own numbers, whatever the outcome. */
  function recordMutation(
    row: PaymentRow,
    outcome: PaymentRecordMutation['outcome'],
    at: string,
  ): PaymentRecordMutation {
    return {
      paymentId: row.payment_id,
      caseId: row.case_id,
      siteId: options.workstation.siteId,
      counterNumber: options.workstation.counterNumber,
      clerkLogin: row.clerk_login,
      method: row.method,
      amountGrosze: row.amount_grosze,
      outcome,
      terminalId: row.terminal_id,
      traceNumber: row.trace_number === null ? null : String(row.trace_number),
      receiptNumber: row.receipt_number === null ? null : String(row.receipt_number),
      authorisationCode: row.authorisation_code,
      maskedPan: groupMaskedPan(row.masked_pan),
      at,
    };
  }

  /** The journal's `reversed` and the `payment.record` (reversed) commit together. */
  function markReversed(paymentId: string, note: string, extra: PaymentChanges = {}): void {
    commitOutcome(
      paymentId,
      'reversed',
      () => ({ status: 'reversed', prompt: null, result_text: TERMINAL_WORDS.reversed, ...extra }),
      note,
    );
  }

  /** The reversal did not happen: the payment stands (approved), with the terminal's words. */
  function reversalNotDone(paymentId: string, text: string, note: string): void {
    ensureRunning();
    const at = now();
    const row = db.transaction(() => {
      addHistory(db, paymentId, 'approved', null, note, at);
      return updatePayment(
        db,
        paymentId,
        { status: 'approved', prompt: null, result_text: text },
        at,
      );
    })();
    if (!stopped) hub.publish('payments:changed', record(row));
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
    const asked = await askLastTransaction();
    if (asked.kind === 'no-answer') {
      return finish(paymentId, 'needs-reconciliation', TERMINAL_WORDS.unknown, {}, asked.reason);
    }
    const answer = asked.answer;
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
    return applyDecision(paymentId, decision, answer.kind === 'transaction' ? answer.result : null);
  }

  /**
   * The terminal's last transaction, asked again after `retryMs` while it is busy or unavailable
   * (at most `retries` times more); without an answer, why not.
   */
  async function askLastTransaction(): Promise<
    | { kind: 'answered'; answer: Extract<LastTransactionAnswer, { kind: 'transaction' | 'none' }> }
    | { kind: 'no-answer'; reason: string }
  > {
    let reason = 'the terminal did not answer';
    for (let attempt = 0; attempt <= timings.retries; attempt++) {
      if (attempt > 0) await sleep(timings.retryMs);
      if (!(await adapter.waitForConnection(timings.resolveWaitMs))) {
        return { kind: 'no-answer', reason: 'the terminal did not come back' };
      }
      const answer = await adapter.lastTransaction();
      if (answer.kind === 'transaction' || answer.kind === 'none') {
        return { kind: 'answered', answer };
      }
      reason = answer.kind === 'busy' ? 'the terminal stayed busy' : answer.detail;
    }
    return { kind: 'no-answer', reason };
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
        finish(paymentId, 'needs-reconciliation', TERMINAL_WORDS.unknown, {}, decision.reason);
    }
  }

  // ── a reversal (06 30), the same day ───────────────────────────────────────────────────

  /** The reversal's own numbers, kept in the history note so a restart can recognise it. */
  function reversalNote(result: TerminalResult): string {
    return `reversal result: trace ${result.traceNumber ?? '?'} receipt ${result.receiptNumber ?? '?'}`;
  }

  async function runReversal(paymentId: string): Promise<void> {
    await checkpoint('reversal-prepared');
    const row = findPayment(db, paymentId)!;
    const ending = await adapter.reverse(
      { receiptNumber: row.receipt_number! },
      {
        accepted: async () => {
          await checkpoint('reversal-sent');
        },
        progress: async () => undefined,
        result: async (result) => {
          ensureRunning();
          learnTerminalId(result.terminalId);
          if (result.approved)
            addHistory(db, paymentId, REVERSING, null, reversalNote(result), now());
          await checkpoint('reversal-result');
          return true;
        },
        committed: async () => {
          await checkpoint('reversal-committed');
          markReversed(paymentId, 'the terminal committed the reversal');
        },
      },
    );
    const refusedBecause = (text: string) => `${TERMINAL_WORDS.reversalNotDone}: ${text}`;
    switch (ending.kind) {
      case 'not-sent':
        return reversalNotDone(paymentId, refusedBecause(TERMINAL_WORDS.notSent), ending.detail);
      case 'refused':
      case 'aborted':
        return reversalNotDone(
          paymentId,
          refusedBecause(ending.text.pl),
          `the terminal refused the reversal (${ending.resultCode})`,
        );
      case 'result':
        if (!ending.result.approved) {
          return reversalNotDone(
            paymentId,
            refusedBecause(ending.result.text.pl),
            'the terminal did not approve the reversal',
          );
        }
        if (ending.committed === true) return;
        if (ending.committed === false) {
          return reversalNotDone(paymentId, refusedBecause(TERMINAL_WORDS.ecrRefused), 'refused');
        }
        return resolveReversal(paymentId, 'the commit answer may not have arrived');
      case 'inconclusive':
        return resolveReversal(paymentId, ending.detail);
    }
  }

  /**
   * A reversal in flight (a crash, a lost link): the terminal's last transaction says whether
   * it ran. Its trace number held by a payment of ours → the reversal never started; the
   * reversal's own trace (from its result) or, without it, its amount and time → its fate.
   */
  async function resolveReversal(paymentId: string, why: string): Promise<void> {
    const row = findPayment(db, paymentId);
    if (!row || row.status !== 'approved' || row.last_step !== REVERSING) return;
    const asked = await askLastTransaction();
    if (asked.kind === 'no-answer') {
      return finish(
        paymentId,
        'needs-reconciliation',
        TERMINAL_WORDS.reversalUnknown,
        {},
        asked.reason,
      );
    }
    if (asked.answer.kind === 'none') {
      return reversalNotDone(paymentId, refusedText(), 'the terminal holds no transaction');
    }
    const last = asked.answer.result;
    const knownTrace = reversalTraceOf(paymentId);
    const ours =
      last.traceNumber !== null &&
      (last.traceNumber === row.trace_number || traceHeldByOther(db, last.traceNumber, paymentId));
    if (ours && knownTrace === null) {
      return reversalNotDone(paymentId, refusedText(), `${why}; the reversal never started`);
    }
    const isTheReversal =
      knownTrace !== null
        ? last.traceNumber === knownTrace
        : last.amountGrosze === row.amount_grosze &&
          withinTolerance(last.terminalTime, reversalStartedAt(paymentId), timings.toleranceMs);
    if (isTheReversal && last.state === 'committed') {
      return markReversed(paymentId, `${why}; the terminal committed the reversal`);
    }
    if (isTheReversal && (last.state === 'reversed' || last.state === 'not-approved')) {
      return reversalNotDone(paymentId, refusedText(), `${why}; the terminal did not keep it`);
    }
    finish(
      paymentId,
      'needs-reconciliation',
      TERMINAL_WORDS.reversalUnknown,
      {},
      `${why}; the terminal's last transaction (trace ${last.traceNumber ?? '?'}) does not tell`,
    );
  }

  function refusedText(): string {
    return `${TERMINAL_WORDS.reversalNotDone}: terminal jej nie wykonał.`;
  }

  /** The reversal asked last: its history line (id, time). */
  function reversalAsked(paymentId: string): { id: number; at: string } | null {
    return (
      (db
        .prepare(
          `SELECT id, at FROM payment_status_history WHERE payment_id = ? AND status = ?
           AND note LIKE 'reversal asked%' ORDER BY id DESC LIMIT 1`,
        )
        .get(paymentId, REVERSING) as { id: number; at: string } | undefined) ?? null
    );
  }

  /** The trace number of the reversal asked last, when its result reached the journal. */
  function reversalTraceOf(paymentId: string): number | null {
    const asked = reversalAsked(paymentId);
    if (!asked) return null;
    const line = db
      .prepare(
        `SELECT note FROM payment_status_history WHERE payment_id = ? AND status = ? AND id > ?
         AND note LIKE 'reversal result:%' ORDER BY id DESC LIMIT 1`,
      )
      .get(paymentId, REVERSING, asked.id) as { note: string } | undefined;
    const match = line ? /trace (\d+)/.exec(line.note) : null;
    return match ? Number(match[1]) : null;
  }

  function reversalStartedAt(paymentId: string): string | null {
    return reversalAsked(paymentId)?.at ?? null;
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  /** Rows left in flight (a crash, a lost link): asked about one by one, when connected. */
  function maybeRecover(): Promise<void> {
    if (operation || stopped) return operation ?? Promise.resolve();
    const open = paymentsWithStatus(db, IN_FLIGHT);
    const reversals = reversalsInFlight(db);
    if (open.length === 0 && reversals.length === 0) return Promise.resolve();
    return runOperation(async () => {
      for (const row of open) await resolveInFlight(row.payment_id, 'found in flight');
      for (const row of reversals) await resolveReversal(row.payment_id, 'found in flight');
    }, 'recovery');
  }

  /**
   * Registration (06 00) when the terminal (re)connects: its id and readiness, before a sale.
   * Sent a moment after the link comes up, once both sides' RESET reports have crossed
   * (§2.3): a command sent before the terminal's RESET arrives would be cut off by it.
   */
  let registration: ReturnType<typeof setTimeout> | null = null;
  function scheduleRegistration(): void {
    if (registration !== null || stopped) return;
    registration = setTimeout(() => {
      registration = null;
      register();
    }, timings.registerDelayMs);
  }

  function register(): void {
    // Something else runs (a recovery, a sale started at once): the terminal answers it, and
    // its result names the terminal too; no registration is queued behind it.
    if (stopped || operation || adapter.connection() !== 'connected') return;
    void runOperation(async () => {
      const answer = await adapter.register();
      if (answer.kind === 'registered') learnTerminalId(answer.terminalId);
      else
        onError(
          new Error(`registration: ${answer.kind === 'busy' ? 'busy' : answer.detail}`),
          'registration',
        );
    }, 'registration');
  }

  function requireIdleTerminal(): void {
    if (adapter.connection() !== 'connected') {
      throw new ServiceError('terminal-disconnected', 'Terminal nie jest podłączony.');
    }
    if (
      operation ||
      paymentsWithStatus(db, IN_FLIGHT).length > 0 ||
      reversalsInFlight(db).length > 0
    ) {
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
    if (connection !== 'connected') return;
    scheduleRegistration();
    void maybeRecover();
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
      if (reversalPending(db, row.payment_id)) {
        // The open question was a reversal: "approved" = the money stands, "not charged" = returned.
        if (request.outcome === 'approved') {
          reversalNotDone(
            row.payment_id,
            'Rozliczono ręcznie: płatność nie została anulowana.',
            note,
          );
          write(row.payment_id, settled);
        } else {
          markReversed(row.payment_id, note, { ...settled, finished_at: now() });
        }
        return record(getRow(row.payment_id));
      }
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

    /**
     * Reverses an approved payment of today (06 30 with its receipt number): the journal says
     * `reversing` before the terminal is asked; the outcome follows as events.
     */
    reverse(request: { paymentId: string; reason: string }): PaymentRecord {
      const clerkLogin = clerk();
      const row = getRow(request.paymentId);
      if (row.status !== 'approved' || row.last_step === REVERSING) {
        throw new ServiceError('not-reversible', 'Można anulować tylko zatwierdzoną płatność.');
      }
      if (row.end_of_day_id !== null) {
        throw new ServiceError(
          'after-end-of-day',
          'Po zamknięciu dnia terminala płatności nie można anulować: zwrot robi wydział finansowy przelewem.',
        );
      }
      if (row.receipt_number === null) {
        throw new ServiceError(
          'not-reversible',
          'Płatność rozliczona ręcznie nie ma numeru paragonu terminala: zwrot robi wydział finansowy przelewem.',
        );
      }
      requireIdleTerminal();
      const at = now();
      addHistory(
        db,
        row.payment_id,
        REVERSING,
        null,
        `reversal asked by ${clerkLogin}: ${request.reason}`,
        at,
      );
      const reversing = record(getRow(row.payment_id));
      hub.publish('payments:changed', reversing);
      void runOperation(() => runReversal(row.payment_id), 'reversal');
      return reversing;
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

    /**
     * At start-up: registration when connected, then payments a crash left in flight are
     * asked about.
     */
    async recover(): Promise<void> {
      if (terminalId === null && adapter.connection() === 'connected') scheduleRegistration();
      return maybeRecover();
    },

    /** Resolves when the terminal operation running now (if any) has ended. */
    async idle(): Promise<void> {
      while (operation) await operation;
    },

    stop(): void {
      stopped = true;
      if (registration !== null) clearTimeout(registration);
      unsubscribe();
    },
  };
}

export type PaymentService = ReturnType<typeof createPaymentService>;
