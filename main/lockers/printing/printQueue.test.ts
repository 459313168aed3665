import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeZpl, renderLockerLabelZpl } from '../labels/zpl';
import { longPolishLabel, ordinaryLabel } from '../labels/testing/sampleLabels';
import { settle } from '../../../test/support/manualTime';
import { InvalidPrintJobError, type PrintJobInput } from './printQueue';
import { createPrintQueueFixture, type PrintQueueFixture } from './testing/printQueueFixture';
import { createSimulatorPrinter, type SimulatorPrinter } from './transports/simulatorTransport';

const simulator = { kind: 'simulator' } as const;
const labelBytes = encodeZpl(renderLockerLabelZpl(ordinaryLabel));

function job(depositId: string, overrides: Partial<PrintJobInput> = {}): PrintJobInput {
  return {
    depositId,
    kind: 'label',
    payload: encodeZpl(`^XA^FD${depositId}^FS^XZ`),
    printer: simulator,
    ...overrides,
  };
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

let fixture: PrintQueueFixture;
let printer: SimulatorPrinter;

beforeEach(() => {
  fixture = createPrintQueueFixture();
  printer = createSimulatorPrinter();
});

afterEach(async () => {
  await fixture.dispose();
});

describe('the print queue', () => {
  it('prints a queued label once its transaction commits, and records it printed', async () => {
    const queue = fixture.open({ simulator: printer.transport });
    const changes: string[] = [];
    queue.onChange(() => changes.push(queue.status().counts.printed ? 'printed' : 'waiting'));

    const id = fixture.enqueue({ ...job(ordinaryLabel.depositId), payload: labelBytes });
    await settle();

    expect(printer.printed()).toEqual([labelBytes]);
    expect(queue.job(id)).toMatchObject({
      status: 'printed',
      attempts: 1,
      lastError: null,
      duplicate: false,
      printedAt: fixture.time.now().toISOString(),
      byteLength: labelBytes.byteLength,
    });
    expect(changes.at(-1)).toBe('printed');
  });

  it('refuses a job outside a transaction, and forgets one whose transaction rolled back', async () => {
    const queue = fixture.open({ simulator: printer.transport });
    expect(() => queue.enqueue(job('DEP-7K3M9QX2WZ'))).toThrow(/inside the transaction/);

    expect(() =>
      fixture.db().transaction(() => {
        queue.enqueue(job('DEP-7K3M9QX2WZ'));
        throw new Error('the deposit could not be saved');
      })(),
    ).toThrow('the deposit could not be saved');
    await settle();

    expect(queue.jobs()).toEqual([]);
    expect(printer.printed()).toEqual([]);
  });

  it('says what is wrong with a bad job and writes nothing', () => {
    const queue = fixture.open({ simulator: printer.transport });
    expect(() => fixture.enqueue(job('DEP-lowercase1'))).toThrow(InvalidPrintJobError);
    expect(() => fixture.enqueue(job('DEP-lowercase1'))).toThrow(
      /Invalid deposit id "DEP-lowercase1"/,
    );
    expect(() => fixture.enqueue(job('DEP-7K3M9QX2WZ', { payload: new Uint8Array() }))).toThrow(
      /no bytes to print/,
    );
    expect(() =>
      fixture.enqueue(job('DEP-7K3M9QX2WZ', { printer: { kind: 'tcp', host: '', port: 9100 } })),
    ).toThrow(/Invalid printer/);
    expect(queue.jobs()).toEqual([]);
  });

  it('marks a reprint as a duplicate', async () => {
    const queue = fixture.open({ simulator: printer.transport });
    const id = fixture.enqueue(job(ordinaryLabel.depositId, { kind: 'reprint' }));
    await settle();
    expect(queue.job(id)).toMatchObject({ kind: 'reprint', duplicate: true, status: 'printed' });
  });

  it('keeps labels waiting with the reason while the printer is off, then prints them in order', async () => {
    printer.setOnline(false);
    const queue = fixture.open({ simulator: printer.transport });
    const ids = ['DEP-0000000001', 'DEP-0000000002', 'DEP-0000000003'].map((depositId) =>
      fixture.enqueue(job(depositId)),
    );
    await settle();

    // The first one was tried and is waiting; the ones behind it wait their turn untried.
    expect(queue.jobs().map((j) => [j.status, j.attempts])).toEqual([
      ['failed-retrying', 1],
      ['queued', 0],
      ['queued', 0],
    ]);
    expect(queue.status()).toMatchObject({
      lastError: { code: 'printer-offline', detail: 'simulator' },
      nextAttemptAt: '2025-03-03T08:00:02.000Z',
    });

    await fixture.time.advance(2000);
    expect(queue.job(ids[0] ?? '')?.attempts).toBe(2);
    // Backoff doubles while the printer stays off.
    expect(fixture.time.scheduled()).toEqual([4000]);

    printer.setOnline(true);
    await fixture.time.advance(4000);

    expect(printer.printed().map(text)).toEqual([
      '^XA^FDDEP-0000000001^FS^XZ',
      '^XA^FDDEP-0000000002^FS^XZ',
      '^XA^FDDEP-0000000003^FS^XZ',
    ]);
    expect(queue.status()).toMatchObject({ counts: { printed: 3 }, lastError: null });
  });

  it('fails a job for a printer kind not supported yet, clearly, and prints the others', async () => {
    const queue = fixture.open({ simulator: printer.transport });
    const ipp = fixture.enqueue(
      job('DEP-0000000001', {
        printer: { kind: 'ipp', url: 'ipp://127.0.0.1:631/printers/zebra' },
      }),
    );
    const simulated = fixture.enqueue(job('DEP-0000000002'));
    await settle();

    expect(queue.job(ipp)).toMatchObject({
      status: 'failed',
      lastError: { code: 'printer-kind-unsupported', detail: 'ipp' },
      nextAttemptAt: null,
    });
    expect(queue.job(simulated)?.status).toBe('printed');
    expect(queue.status()).toMatchObject({ counts: { failed: 1, printed: 1 } });
  });

  it('fails a job whose stored printer is of a kind this version does not know, without crashing', async () => {
    const queue = fixture.open({ simulator: printer.transport });
    printer.setOnline(false);
    const id = fixture.enqueue(job('DEP-0000000001'));
    await settle();
    fixture
      .db()
      .prepare(`UPDATE print_jobs SET printer = ?, next_attempt_at = NULL WHERE id = ?`)
      .run(JSON.stringify({ kind: 'bluetooth', address: '00:11' }), id);
    queue.retry(id);
    await settle();

    expect(queue.job(id)).toMatchObject({
      status: 'failed',
      lastError: { code: 'printer-kind-unsupported', detail: 'bluetooth' },
    });
  });

  it('lets the clerk retry a failed job at once', async () => {
    printer.setOnline(false);
    const queue = fixture.open({ simulator: printer.transport });
    const id = fixture.enqueue(job('DEP-0000000001'));
    await settle();
    expect(queue.job(id)?.status).toBe('failed-retrying');

    printer.setOnline(true);
    expect(queue.retry(id)).toBe(true);
    await settle();

    expect(queue.job(id)?.status).toBe('printed');
    expect(fixture.time.scheduled()).toEqual([]);
    expect(queue.retry(id)).toBe(false);
  });

  it('keeps waiting jobs across a restart and prints them, a cut-off one first', async () => {
    printer.setOnline(false);
    fixture.open({ simulator: printer.transport });
    const first = fixture.enqueue({ ...job(longPolishLabel.depositId), payload: labelBytes });
    const second = fixture.enqueue(job('DEP-0000000002'));
    await settle();
    // As if the power went while the first one was being sent.
    fixture.db().prepare(`UPDATE print_jobs SET status = 'printing' WHERE id = ?`).run(first);

    const fresh = createSimulatorPrinter();
    const queue = await fixture.restart({ simulator: fresh.transport });
    await settle();

    expect(fresh.printed()).toEqual([labelBytes, encodeZpl('^XA^FDDEP-0000000002^FS^XZ')]);
    expect(queue.job(first)).toMatchObject({ status: 'printed', duplicate: false, attempts: 2 });
    expect(queue.job(second)).toMatchObject({ status: 'printed', attempts: 1 });
  });
});
