/**
 * A counter PC's payment side against the simulated terminal, for the session's tests: the
 * SQLite journal in a temporary file, the ZVT adapter on the app's end of the simulated cable,
 * a real outbox, the events the windows would get. `crash()` stops the app's side as a crash
 * would (database and link closed, nothing cleaned up) and `restart()` brings up a new one from
 * the same file, while the simulator keeps running with its state.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import type {
  EventName,
  EventPayload,
  PaymentPrompt,
  PaymentRecord,
} from '../../../common/contract';
import { systemClock } from '../../app/clock';
import { createEventHub } from '../../app/eventHub';
import { openDatabase } from '../../db';
import { HidTransport } from '../link/hidTransport';
import { ZvtLink } from '../link/zvtLink';
import { SimulatedTerminal } from '../simulator/simulatedTerminal';
import type { SimulatorTimings } from '../simulator/simulatorTimings';
import { memoryStateStore } from '../simulator/stateStore';
import { createOutbox } from '../../sync/outbox';
import { nextPendingBatch } from '../../sync/outboxQueries';
import { findPayment } from './paymentJournal';
import { createPaymentService, type PaymentService, type SaleStep } from './paymentService';
import { createZvtTerminalAdapter } from './zvtTerminalAdapter';

export const CASE_ID = '8d7f1c52-3a4b-4c6d-9e8f-0a1b2c3d4e5f';
export const FEE_GROSZE = 5_000;
const STEP_MS = 250;

type AppSide = {
  db: Database.Database;
  link: ZvtLink;
  payments: PaymentService;
};

export type HarnessOptions = {
  simulatorTimings?: Partial<SimulatorTimings>;
  /** The step of a sale where the app's side crashes (never continues past it). */
  crashAt?: SaleStep;
  /** Any other hook at the steps of a sale (a journal that fails, say). */
  checkpoint?: (step: SaleStep) => void;
};

export class PaymentHarness {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-payments-'));
  readonly file = path.join(this.dir, 'okienko.sqlite');
  readonly store = memoryStateStore();
  readonly terminal: SimulatedTerminal;
  readonly events: { event: EventName; payload: unknown }[] = [];
  app: AppSide;
  crashed = false;
  private clerk: string | null = 'urzednik1';
  private ids = 0;

  constructor(options: HarnessOptions = {}) {
    this.terminal = new SimulatedTerminal({
      store: this.store,
      ...(options.simulatorTimings ? { timings: options.simulatorTimings } : {}),
    });
    this.terminal.start();
    this.app = this.openApp(options.crashAt, options.checkpoint);
    const { db } = this.app;
    db.prepare(
      `INSERT INTO cases (case_id, mutation_id, status, case_type_id, fee_grosze, clerk_login,
         submitted_at, applicant_name)
       VALUES (?, 'm-1', 'pending', 'ct-1', ?, 'urzednik1', '2026-11-27T09:00:00.000Z', '')`,
    ).run(CASE_ID, FEE_GROSZE);
  }

  get payments(): PaymentService {
    return this.app.payments;
  }

  logOut(): void {
    this.clerk = null;
  }

  private openApp(crashAt?: SaleStep, hook?: (step: SaleStep) => void): AppSide {
    const { db } = openDatabase(this.file);
    const hub = createEventHub();
    hub.subscribe((event, payload) => this.events.push({ event, payload }));
    const link = new ZvtLink(new HidTransport(this.terminal.appFinder, { side: 'app' }));
    link.start();
    const outbox = createOutbox({
      db,
      clock: systemClock,
      newId: () => `00000000-0000-4000-8000-${String(++this.ids).padStart(12, '0')}`,
      onEnqueued: () => undefined,
    });
    const payments = createPaymentService({
      db,
      clock: systemClock,
      adapter: createZvtTerminalAdapter(link, { kind: 'simulator' }),
      outbox,
      hub,
      clerkLogin: () => this.clerk,
      workstation: { siteId: 'um-centrum', counterNumber: 3 },
      timings: { resolveWaitMs: 30_000 },
      ...(crashAt || hook
        ? {
            checkpoint: (step: SaleStep) => {
              hook?.(step);
              if (step !== crashAt) return;
              this.crash();
              return new Promise<void>(() => undefined); // the process is gone
            },
          }
        : {}),
    });
    return { db, link, payments };
  }

  /** The app's process dies here: no answer, no journal write, no cleanup. */
  crash(): void {
    this.crashed = true;
    this.app.payments.stop();
    this.app.db.close();
    void this.app.link.close();
  }

  /** A new app process on the same SQLite file; it resolves what the crash left in flight. */
  async restart(): Promise<void> {
    this.app = this.openApp();
    await this.until(() => this.app.link.state === 'connected', 10_000, 'the link');
    void this.app.payments.recover();
    await this.settle();
  }

  /** Connected, and the registration (06 00) the session runs on connecting has ended. */
  async connect(): Promise<void> {
    await this.until(
      () => this.app.payments.terminal().terminalId !== null,
      10_000,
      'registration',
    );
    await this.settle();
  }

  /** Lets the app and the terminal run on (virtual time) until the session is idle. */
  async settle(maxMs = 600_000): Promise<void> {
    let idle = false;
    void this.app.payments.idle().then(() => (idle = true));
    await this.until(() => idle, maxMs, 'the session to be idle');
  }

  async until(condition: () => boolean, maxMs: number, what: string): Promise<void> {
    await vi.advanceTimersByTimeAsync(0);
    for (let waited = 0; !condition(); waited += STEP_MS) {
      if (waited >= maxMs) throw new Error(`waited ${maxMs} ms for ${what}`);
      await vi.advanceTimersByTimeAsync(STEP_MS);
    }
  }

  /** Runs on until the payment shows the prompt (the terminal waits for the card, asks the bank…). */
  async untilPrompt(paymentId: string, prompt: PaymentPrompt): Promise<void> {
    await this.until(
      () => this.payments.get(paymentId).prompt === prompt,
      10_000,
      `the prompt ${prompt}`,
    );
  }

  start(method: 'card' | 'blik', amountGrosze = 1_250): PaymentRecord {
    return this.app.payments.start({ caseId: CASE_ID, method, amountGrosze });
  }

  row(paymentId: string) {
    return findPayment(this.app.db, paymentId);
  }

  history(paymentId: string): { status: string; prompt: string | null }[] {
    return this.app.db
      .prepare(`SELECT status, prompt FROM payment_status_history WHERE payment_id = ? ORDER BY id`)
      .all(paymentId) as { status: string; prompt: string | null }[];
  }

  outbox(): { type: string; payload: Record<string, unknown> }[] {
    return nextPendingBatch(this.app.db, 1000).map((entry) => ({
      type: entry.type,
      payload: entry.payload as Record<string, unknown>,
    }));
  }

  /** The terminal's own journal: charges it kept. */
  committedCharges(): number {
    return this.store
      .peek()
      .journal.filter((tx) => tx.kind === 'payment' && tx.state === 'committed').length;
  }

  /** Payment commands (06 01) that reached the terminal's end of the cable. */
  authorisationsSent(): number {
    let count = 0;
    for (const entry of this.terminal.pair.wire) {
      if (entry.direction !== 'to-terminal' || entry.fault === 'lose') continue;
      const payload = entry.report.subarray(2, 2 + entry.report[1]!);
      for (let i = 0; i + 3 < payload.length; i++) {
        const [dle, stx, cls, instr] = payload.subarray(i, i + 4);
        if (dle === 0x10 && stx === 0x02 && cls === 0x06 && instr === 0x01) count++;
      }
    }
    return count;
  }

  eventsOf<E extends EventName>(event: E): EventPayload<E>[] {
    return this.events
      .filter((entry) => entry.event === event)
      .map((entry) => entry.payload as EventPayload<E>);
  }

  async close(): Promise<void> {
    if (!this.crashed || this.app.db.open) {
      this.app.payments.stop();
      if (this.app.db.open) this.app.db.close();
      await this.app.link.close();
    }
    await this.terminal.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * For a test file: fake timers from `now` around each test and the harness closed after it.
 * Returns what a test calls for a connected harness.
 */
export function usePaymentHarness(
  now = '2026-11-27T10:15:02',
): (options?: HarnessOptions) => Promise<PaymentHarness> {
  let harness: PaymentHarness | null = null;
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date(now) });
  });
  afterEach(async () => {
    await harness?.close();
    harness = null;
    vi.useRealTimers();
  });
  return async (options = {}) => {
    harness = new PaymentHarness(options);
    await harness.connect();
    return harness;
  };
}

/** A sale run to its end, which must be approved; its payment id. */
export async function approvedSale(
  h: PaymentHarness,
  method: 'card' | 'blik',
  amountGrosze: number,
): Promise<string> {
  const started = h.start(method, amountGrosze);
  await h.settle();
  expect(h.payments.get(started.paymentId).status).toBe('approved');
  return started.paymentId;
}
