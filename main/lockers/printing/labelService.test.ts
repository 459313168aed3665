import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../common/contract';
import { labelsChannels, labelsEvents } from '../../../common/contract/labels';
import type { PrinterConfig } from './transports/printerTransport';
import { settle } from '../../../test/support/manualTime';
import { createSilentLogger } from '../../logging/logger';
import type { LockerLabelInput } from '../labels/labelModel';
import { createLabelService, type LabelService } from './labelService';
import { createPrintQueueFixture, type PrintQueueFixture } from './testing/printQueueFixture';
import { createSimulatorPrinter, type SimulatorPrinter } from './transports/simulatorTransport';
import { createSystemPrintTransport } from './transports/systemTransport';
import type { PrinterTransports } from './transports/printerTransport';
import type { PrintQueue } from './printQueue';

function depositInput(depositId: string, lastName = 'Żak'): LockerLabelInput {
  return {
    caseNumber: 'KM.5410.123.2025',
    depositId,
    compartmentSize: 'medium',
    siteName: 'Urzędomat ul. Focha',
    depositDate: '2025-09-01',
    lastPickupDay: '2025-09-15',
    resident: { firstName: 'Łucja', lastName },
  };
}

const deposits = new Map(
  ['DEP-0000000001', 'DEP-0000000002', 'DEP-0000000003'].map((id) => [id, depositInput(id)]),
);

type Published = { event: EventName; payload: unknown };

let fixture: PrintQueueFixture;
let printer: SimulatorPrinter;
let published: Published[];
let labelled: string[];
let login: string | null;
let service: LabelService | null;

beforeEach(() => {
  fixture = createPrintQueueFixture();
  printer = createSimulatorPrinter();
  published = [];
  labelled = [];
  login = 'depozyty';
  service = null;
});
afterEach(async () => {
  service?.stop();
  await fixture.dispose();
});

function open(options: { printer?: PrinterConfig; transports?: PrinterTransports } = {}): {
  labels: LabelService;
  queue: PrintQueue;
} {
  const transports = options.transports ?? { simulator: printer.transport };
  const queue = fixture.open(transports);
  let batch = 0;
  const labels = createLabelService({
    db: fixture.db(),
    clock: fixture.time.clock,
    logger: createSilentLogger(),
    queue,
    transports,
    printer: options.printer ?? { kind: 'simulator' },
    labelInputForDeposit: (depositId) => deposits.get(depositId) ?? null,
    markLabelPrinted: (depositId) => labelled.push(depositId),
    clerkLogin: () => login,
    publish: <E extends EventName>(event: E, payload: EventPayload<E>) =>
      published.push({ event, payload }),
    newBatchId: () => `batch-${++batch}`,
  });
  service = labels;
  return { labels, queue };
}

const progress = () =>
  published.filter((entry) => entry.event === 'labels:progress').map((entry) => entry.payload);
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('the label service', () => {
  it('prints a batch, telling its progress, and marks each deposit labelled', async () => {
    const { labels } = open();
    const result = await labels.print({
      depositIds: ['DEP-0000000001', 'DEP-0000000002', 'DEP-0000000003'],
      reprint: false,
    });
    await settle();

    expect(result.batchId).toBe('batch-1');
    expect(result.windowPrint).toBeNull();
    expect(result.jobs.map((job) => [job.depositId, job.kind, job.requestedBy])).toEqual([
      ['DEP-0000000001', 'label', 'depozyty'],
      ['DEP-0000000002', 'label', 'depozyty'],
      ['DEP-0000000003', 'label', 'depozyty'],
    ]);
    expect(printer.printed()).toHaveLength(3);
    expect(
      printer
        .printed()
        .map(text)
        .every((zpl) => !zpl.includes('DUPLIKAT')),
    ).toBe(true);
    expect(progress()).toEqual([
      { batchId: 'batch-1', done: 0, failed: 0, total: 3 },
      { batchId: 'batch-1', done: 1, failed: 0, total: 3 },
      { batchId: 'batch-1', done: 2, failed: 0, total: 3 },
      { batchId: 'batch-1', done: 3, failed: 0, total: 3 },
    ]);
    expect(labelled).toEqual(['DEP-0000000001', 'DEP-0000000002', 'DEP-0000000003']);
  });

  it('keeps a batch waiting with the reason while the printer is off, and finishes it after', async () => {
    printer.setOnline(false);
    const { labels } = open();
    const { jobs } = await labels.print({
      depositIds: ['DEP-0000000001', 'DEP-0000000002'],
      reprint: false,
    });
    await settle();

    const changed = published
      .filter((entry) => entry.event === 'labels:jobChanged')
      .map((entry) => entry.payload as { jobId: string; status: string; lastError: unknown });
    expect(changed.at(-1)).toMatchObject({
      jobId: jobs[0]?.jobId,
      status: 'failed-retrying',
      lastError: { code: 'printer-offline', detail: 'simulator' },
    });
    expect(progress()).toEqual([{ batchId: 'batch-1', done: 0, failed: 0, total: 2 }]);
    expect(labels.jobs({ limit: 10 }).lastError).toEqual({
      code: 'printer-offline',
      detail: 'simulator',
    });

    printer.setOnline(true);
    await fixture.time.advance(2000);
    expect(progress().at(-1)).toEqual({ batchId: 'batch-1', done: 2, failed: 0, total: 2 });
  });

  it('refuses a second original, and prints a reprint marked DUPLIKAT, recording who and when', async () => {
    const { labels } = open();
    await labels.print({ depositIds: ['DEP-0000000001'], reprint: false });
    await settle();

    await expect(
      labels.print({ depositIds: ['DEP-0000000001'], reprint: false }),
    ).rejects.toMatchObject({ code: 'already-printed' });

    login = 'kierownik';
    await fixture.time.advance(60_000);
    await labels.print({ depositIds: ['DEP-0000000001'], reprint: true });
    await settle();

    expect(text(printer.printed()[1] ?? new Uint8Array())).toContain('DUPLIKAT');
    const history = labels.history({ depositId: 'DEP-0000000001' });
    expect(history).toMatchObject({ printedCount: 2, reprintCount: 1 });
    expect(
      history.records.map((record) => [record.kind, record.requestedBy, record.requestedAt]),
    ).toEqual([
      ['label', 'depozyty', '2025-03-03T08:00:00.000Z'],
      ['reprint', 'kierownik', '2025-03-03T08:01:00.000Z'],
    ]);
    // The deposit was marked labelled once, by its original.
    expect(labelled).toEqual(['DEP-0000000001']);
  });

  it('queues nothing when one deposit of a batch is unknown, or nobody is logged in', async () => {
    const { labels, queue } = open();
    await expect(
      labels.print({ depositIds: ['DEP-0000000001', 'DEP-ZZZZZZZZZZ'], reprint: false }),
    ).rejects.toMatchObject({ code: 'unknown-deposit' });
    login = null;
    await expect(
      labels.print({ depositIds: ['DEP-0000000001'], reprint: false }),
    ).rejects.toMatchObject({ code: 'no-session' });
    await settle();
    expect(queue.jobs()).toEqual([]);
  });

  it('lets the clerk cancel a waiting label (counted as failed in its batch), not a printed one', async () => {
    printer.setOnline(false);
    const { labels } = open();
    const { jobs } = await labels.print({
      depositIds: ['DEP-0000000001', 'DEP-0000000002'],
      reprint: false,
    });
    await settle();
    const [first, second] = jobs.map((job) => job.jobId);

    expect(labels.cancel({ jobId: second ?? '' })).toMatchObject({ status: 'cancelled' });
    await settle();
    expect(progress().at(-1)).toEqual({ batchId: 'batch-1', done: 0, failed: 1, total: 2 });

    printer.setOnline(true);
    expect(labels.retry({ jobId: first ?? '' }).status).toBe('queued');
    await settle();
    expect(printer.printed()).toHaveLength(1);
    expect(progress().at(-1)).toEqual({ batchId: 'batch-1', done: 1, failed: 1, total: 2 });
    expect(() => labels.cancel({ jobId: first ?? '' })).toThrow(
      expect.objectContaining({ code: 'too-late' }),
    );
    expect(() => labels.retry({ jobId: 'nope' })).toThrow(
      expect.objectContaining({ code: 'unknown-job' }),
    );
    // A cancelled original may be printed again as an original.
    await expect(
      labels.print({ depositIds: ['DEP-0000000002'], reprint: false }),
    ).resolves.toMatchObject({ jobs: [{ kind: 'label' }] });
  });

  it('hands the labels to the window when the printer is the dialog and main cannot print', async () => {
    const { labels, queue } = open({ printer: { kind: 'system' } });
    const result = await labels.print({
      depositIds: ['DEP-0000000001', 'DEP-0000000002'],
      reprint: false,
    });

    expect(result.windowPrint?.labels.map((label) => label.depositId)).toEqual([
      'DEP-0000000001',
      'DEP-0000000002',
    ]);
    expect(result.windowPrint?.labels[0]?.pngDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(result.windowPrint).toMatchObject({ widthMm: 101.6, heightMm: 152.4 });
    expect(queue.jobs().map((job) => [job.status, job.format])).toEqual([
      ['printed', 'html'],
      ['printed', 'html'],
    ]);
    expect(labelled).toEqual(['DEP-0000000001', 'DEP-0000000002']);
    expect(progress()).toEqual([{ batchId: 'batch-1', done: 2, failed: 0, total: 2 }]);
  });

  it('prints through the host’s dialog when it has one, a page of the label’s size', async () => {
    const pages: { html: string; widthMm: number; heightMm: number }[] = [];
    const system = createSystemPrintTransport((html, page) => {
      pages.push({ html, widthMm: page.widthMm, heightMm: page.heightMm });
      return Promise.resolve();
    });
    const { labels } = open({
      printer: { kind: 'system', label: { widthMm: 100, heightMm: 150, dpi: 203 } },
      transports: { system },
    });
    const result = await labels.print({ depositIds: ['DEP-0000000003'], reprint: true });
    await settle();

    expect(result.windowPrint).toBeNull();
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ widthMm: 100, heightMm: 150 });
    expect(pages[0]?.html).toContain('DUPLIKAT');
    expect(pages[0]?.html).toMatch(/@page \{ size: 99\.\d+mm 149\.\d+mm/);
  });

  it('previews a label as PNG and HTML, the reprint saying DUPLIKAT', async () => {
    const { labels } = open();
    const preview = await labels.preview({ depositId: 'DEP-0000000001', reprint: true });
    expect(preview).toMatchObject({
      depositId: 'DEP-0000000001',
      duplicate: true,
      printedCount: 0,
    });
    expect(preview.pngDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(preview.html).toContain('DUPLIKAT');
    await expect(
      labels.preview({ depositId: 'DEP-ZZZZZZZZZZ', reprint: false }),
    ).rejects.toMatchObject({ code: 'unknown-deposit' });
  });
});

describe('the label service’s answers', () => {
  it('keep to the IPC contract of every labels:* channel', async () => {
    const { labels } = open();
    const printed = await labels.print({ depositIds: ['DEP-0000000001'], reprint: false });
    await settle();
    const jobId = printed.jobs[0]?.jobId ?? '';

    labelsChannels['labels:print'].response.parse(printed);
    labelsChannels['labels:jobs'].response.parse(labels.jobs({ limit: 10 }));
    labelsChannels['labels:history'].response.parse(
      labels.history({ depositId: 'DEP-0000000001' }),
    );
    labelsChannels['labels:printer'].response.parse(await labels.printerStatus());
    labelsChannels['labels:preview'].response.parse(
      await labels.preview({ depositId: 'DEP-0000000001', reprint: false }),
    );
    for (const entry of published) {
      labelsEvents[entry.event as keyof typeof labelsEvents].payload.parse(entry.payload);
    }
    expect(labels.jobs({ limit: 10 }).jobs[0]).toMatchObject({
      jobId,
      printer: { kind: 'simulator', target: '' },
    });
    expect(await labels.printerStatus()).toMatchObject({
      state: 'online',
      geometry: { widthMm: 101.6, heightMm: 152.4, dpi: 203 },
    });
  });
});
