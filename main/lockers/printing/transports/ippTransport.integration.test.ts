import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeZpl, renderLockerLabelZpl } from '../../labels/zpl';
import { longPolishLabel, ordinaryLabel } from '../../labels/testing/sampleLabels';
import { buildLockerLabel } from '../../labels/labelModel';
import { cupsUnavailableReason, startCupsServer, type CupsServer } from '../testing/cupsServer';
import { createPrintQueueFixture, type PrintQueueFixture } from '../testing/printQueueFixture';
import { closedPort, startTcpSink, waitUntil, type TcpSink } from '../testing/tcpSink';
import type { PrintQueue } from '../printQueue';
import { createIppTransport } from './ippTransport';

/**
 * The IPP transport against a real CUPS (Debian's cupsd, started by the test in a temp folder)
 * with a raw queue whose device is the test's own TCP sink: the network Zebra behind the
 * city's print server.
 */
const unavailable = cupsUnavailableReason();
if (unavailable) {
  console.warn(`Skipping the CUPS tests: ${unavailable}.`);
}

const polishDuplicate = buildLockerLabel({
  caseNumber: 'USC-ŚRÓDMIEŚCIE-PÓŁNOC.5360.12345.2025',
  depositId: 'DEP-ZZZZZZZZZZ',
  compartmentSize: 'small',
  siteName: 'Urzędomat – Zażółć gęślą jaźń',
  depositDate: '2025-12-29',
  lastPickupDay: '2026-01-12',
  resident: { firstName: 'Żaneta', lastName: 'Ćwikła-Śliwińska' },
  duplicate: true,
});

describe.skipIf(unavailable !== null)('printing to a label printer through CUPS (IPP)', () => {
  let cups: CupsServer;
  let fixture: PrintQueueFixture;
  const sinks: TcpSink[] = [];
  const ipp = () => createIppTransport({ completionWaitMs: 1500, pollIntervalMs: 100 });

  beforeAll(async () => {
    cups = await startCupsServer();
  }, 20_000);
  afterAll(async () => {
    await cups.dispose();
  });
  beforeEach(() => {
    fixture = createPrintQueueFixture();
  });
  afterEach(async () => {
    await fixture.dispose();
    await Promise.all(sinks.splice(0).map((sink) => sink.close()));
  });

  async function sinkOn(port?: number): Promise<TcpSink> {
    const sink = await startTcpSink(port);
    sinks.push(sink);
    return sink;
  }

  /** Moves the queue's clock on until the job printed (CUPS retries its device on its own time). */
  async function untilPrinted(queue: PrintQueue, id: string): Promise<void> {
    const end = Date.now() + 45_000;
    while (queue.job(id)?.status !== 'printed') {
      if (Date.now() > end) {
        throw new Error(`job ${id} did not print: ${JSON.stringify(queue.job(id))}`);
      }
      await fixture.time.advance(60_000);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('delivers exactly the ZPL the app generated, Polish letters and all', async () => {
    const sink = await sinkOn();
    await cups.addRawQueue('zebra', sink.port);
    const bytes = encodeZpl(renderLockerLabelZpl(polishDuplicate));
    const queue = fixture.open({ ipp: ipp() });

    const id = fixture.enqueue({
      depositId: polishDuplicate.depositId,
      kind: 'reprint',
      payload: bytes,
      printer: { kind: 'ipp', url: cups.printerUrl('zebra') },
    });

    await untilPrinted(queue, id);
    await waitUntil(() => sink.jobs().length === 1, 'the printer got the job', 10_000);
    expect(Buffer.compare(sink.jobs()[0] ?? Buffer.alloc(0), Buffer.from(bytes))).toBe(0);
    expect(sink.jobs()[0]?.toString('utf8')).toContain('DUPLIKAT');
    expect(sink.jobs()[0]?.toString('utf8')).toContain('ŚRÓDMIEŚCIE');
  }, 60_000);

  it('says the printer behind CUPS is off, keeps the job, and prints it once when it is back', async () => {
    const port = await closedPort();
    await cups.addRawQueue('zebra-off', port);
    const bytes = encodeZpl(renderLockerLabelZpl(ordinaryLabel));
    const queue = fixture.open({ ipp: ipp() });

    const id = fixture.enqueue({
      depositId: ordinaryLabel.depositId,
      kind: 'label',
      payload: bytes,
      printer: { kind: 'ipp', url: cups.printerUrl('zebra-off') },
    });

    await waitUntil(
      () => queue.job(id)?.status === 'failed-retrying',
      'the job waits for the printer',
      15_000,
    );
    expect(queue.job(id)?.lastError).toMatchObject({ code: 'printer-offline' });
    expect(queue.job(id)?.lastError?.detail).toMatch(/not printed yet/);

    const sink = await sinkOn(port);
    await untilPrinted(queue, id);
    await waitUntil(() => sink.jobs().length >= 1, 'the printer got the job', 10_000);
    // Followed, not submitted again: one label.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.jobs().map((job) => job.toString('utf8'))).toEqual([
      new TextDecoder().decode(bytes),
    ]);
  }, 90_000);

  it('keeps the job while the print server itself is off, and prints it when it is back', async () => {
    const sink = await sinkOn();
    await cups.addRawQueue('zebra-2', sink.port);
    const bytes = encodeZpl(renderLockerLabelZpl(longPolishLabel));
    const transport = ipp();
    const queue = fixture.open({ ipp: transport });
    const printer = { kind: 'ipp', url: cups.printerUrl('zebra-2') } as const;
    expect(await transport.status?.(printer)).toMatchObject({ state: 'online' });

    await cups.stop();
    try {
      expect(await transport.status?.(printer)).toMatchObject({ state: 'offline' });
      const id = fixture.enqueue({
        depositId: longPolishLabel.depositId,
        kind: 'label',
        payload: bytes,
        printer,
      });
      await waitUntil(() => queue.job(id)?.status === 'failed-retrying', 'the first try failed');
      expect(queue.job(id)?.lastError).toEqual({
        code: 'printer-offline',
        detail: `${printer.url} (ECONNREFUSED)`,
      });

      await cups.start();
      await untilPrinted(queue, id);
      await waitUntil(() => sink.jobs().length === 1, 'the printer got the job', 10_000);
      expect(Buffer.compare(sink.jobs()[0] ?? Buffer.alloc(0), Buffer.from(bytes))).toBe(0);
    } finally {
      await cups.start().catch(() => undefined);
    }
  }, 90_000);

  it('reports a queue CUPS does not have as refused, for a person to fix', async () => {
    const queue = fixture.open({ ipp: ipp() });
    const id = fixture.enqueue({
      depositId: ordinaryLabel.depositId,
      kind: 'label',
      payload: encodeZpl(renderLockerLabelZpl(ordinaryLabel)),
      printer: { kind: 'ipp', url: cups.printerUrl('no-such-queue') },
    });
    await waitUntil(() => queue.job(id)?.status === 'failed', 'the job failed', 10_000);
    expect(queue.job(id)?.lastError).toMatchObject({ code: 'printer-rejected' });
    expect(queue.job(id)?.lastError?.detail).toMatch(/client-error-not-found/);
  }, 30_000);
});
