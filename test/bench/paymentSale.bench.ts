import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, it } from 'vitest';
import { createEventHub } from '../../main/app/eventHub';
import { systemClock } from '../../main/app/clock';
import { openDatabase } from '../../main/db';
import { HidTransport } from '../../main/payments/link/hidTransport';
import { ZvtLink } from '../../main/payments/link/zvtLink';
import {
  createPaymentService,
  type PaymentService,
} from '../../main/payments/session/paymentService';
import { createZvtTerminalAdapter } from '../../main/payments/session/zvtTerminalAdapter';
import { SimulatedTerminal } from '../../main/payments/simulator/simulatedTerminal';
import { createOutbox } from '../../main/sync/outbox';
import { ms, report, summarize } from './stats';

// A payment sale as the counter PC runs it (journal writes, ZVT adapter, link, HID reports)
// against the simulated terminal on the in-memory cable, with the simulated resident and bank
// taking no time at all: what is left is the protocol's own overhead on this machine. Beside
// it, the time the same sale's reports need on the real cable at one 64-byte report per
// millisecond (a full-speed HID interrupt endpoint), and the ratio.

const SALES = 200;
const ZERO = {
  cardPresentMs: 0,
  cardWindowMs: 0,
  blikCodeEntryMs: 0,
  blikCodeWindowMs: 120_000,
  blikConfirmMs: 0,
  blikConfirmWindowMs: 60_000,
  bankMs: 0,
};

let dir: string;
let terminal: SimulatedTerminal;
let link: ZvtLink;
let payments: PaymentService;
let close: () => Promise<void>;
let addCase: (caseId: string) => void;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okienko-bench-pay-'));
  const { db } = openDatabase(path.join(dir, 'okienko.sqlite'));
  addCase = (caseId) =>
    db
      .prepare(
        `INSERT INTO cases (case_id, mutation_id, status, case_type_id, fee_grosze, clerk_login,
           submitted_at, applicant_name)
         VALUES (?, 'm-1', 'pending', 'ct-1', 5000, 'urzednik1', '2026-11-27T09:00:00.000Z', '')`,
      )
      .run(caseId);
  terminal = new SimulatedTerminal({ timings: ZERO, pollIntervalMs: 5 });
  terminal.start();
  link = new ZvtLink(new HidTransport(terminal.appFinder, { side: 'app', pollIntervalMs: 5 }));
  link.start();
  let ids = 0;
  payments = createPaymentService({
    db,
    clock: systemClock,
    adapter: createZvtTerminalAdapter(link, { kind: 'simulator' }),
    outbox: createOutbox({
      db,
      clock: systemClock,
      newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
      onEnqueued: () => undefined,
    }),
    hub: createEventHub(),
    clerkLogin: () => 'urzednik1',
    workstation: { siteId: 'um-centrum', counterNumber: 1 },
  });
  while (link.state !== 'connected') await new Promise((resolve) => setTimeout(resolve, 5));
  close = async () => {
    payments.stop();
    await link.close();
    await terminal.close();
    db.close();
  };
});

afterAll(async () => {
  await close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function runSales(method: 'card' | 'blik') {
  const durations: number[] = [];
  const reports: number[] = [];
  for (let i = 0; i < SALES; i++) {
    // The terminal keeps (and copies on every save) its day's journal: closed every 20 sales,
    // as a counter's day would be, outside the timed part.
    if (i % 20 === 0) await payments.endOfDay();
    // A case of its own per sale, as at the counter (a case has a payment or two).
    const caseId = randomUUID();
    addCase(caseId);
    const wireBefore = terminal.pair.wire.length;
    const started = performance.now();
    const payment = payments.start({ caseId, method, amountGrosze: 1_250 });
    await payments.idle();
    durations.push(performance.now() - started);
    reports.push(terminal.pair.wire.length - wireBefore);
    if (payments.get(payment.paymentId).status !== 'approved') {
      throw new Error(`sale ${i} ended ${payments.get(payment.paymentId).status}`);
    }
  }
  return { durations, reports };
}

it('measures a sale’s protocol overhead beside its wire time', async () => {
  await runSales('card'); // warm-up
  const rows = [];
  for (const method of ['card', 'blik'] as const) {
    const { durations, reports } = await runSales(method);
    const overhead = summarize(durations);
    const perSale = summarize(reports).p50;
    const wireMs = perSale * 1;
    rows.push({
      method,
      sales: SALES,
      'overhead p50': ms(overhead.p50),
      'overhead p95': ms(overhead.p95),
      'reports per sale': perSale,
      'wire time at 1 report/ms': ms(wireMs),
      'overhead / wire time': (overhead.p50 / wireMs).toFixed(2),
    });
  }
  report('Payment sale over the simulated HID link (resident and bank at zero)', rows);
});
