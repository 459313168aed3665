import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeZpl, renderLockerLabelZpl } from '../../labels/zpl';
import { longPolishLabel, ordinaryLabel } from '../../labels/testing/sampleLabels';
import { PrintFailure } from '../printFailure';
import { createPrintQueueFixture, type PrintQueueFixture } from '../testing/printQueueFixture';
import { closedPort, startTcpSink, waitUntil, type TcpSink } from '../testing/tcpSink';
import { createTcpTransport } from './tcpTransport';

const sinks: TcpSink[] = [];
async function sinkOn(port?: number): Promise<TcpSink> {
  const sink = await startTcpSink(port);
  sinks.push(sink);
  return sink;
}

let fixture: PrintQueueFixture;
beforeEach(() => {
  fixture = createPrintQueueFixture();
});
afterEach(async () => {
  await fixture.dispose();
  await Promise.all(sinks.splice(0).map((sink) => sink.close()));
});

const ordinaryBytes = encodeZpl(renderLockerLabelZpl(ordinaryLabel));
const polishBytes = encodeZpl(renderLockerLabelZpl(longPolishLabel));

describe('the raw TCP 9100 transport', () => {
  it('says a printer that accepts connections is online, and one that refuses is offline, printing nothing', async () => {
    const sink = await sinkOn();
    const transport = createTcpTransport({ timeoutMs: 1000 });
    const online = await transport.status!({ kind: 'tcp', host: '127.0.0.1', port: sink.port });
    expect(online).toEqual({ state: 'online', detail: `127.0.0.1:${sink.port}` });

    const port = await closedPort();
    const offline = await transport.status!({ kind: 'tcp', host: '127.0.0.1', port });
    expect(offline.state).toBe('offline');
    expect(offline.detail).toContain(`127.0.0.1:${port}`);
    expect(sink.jobs().every((job) => job.length === 0)).toBe(true);
  });

  it('delivers exactly the ZPL the app generated to a network printer', async () => {
    const sink = await sinkOn();
    const queue = fixture.open({ tcp: createTcpTransport() });
    const id = fixture.enqueue({
      depositId: ordinaryLabel.depositId,
      kind: 'label',
      payload: ordinaryBytes,
      printer: { kind: 'tcp', host: '127.0.0.1', port: sink.port },
    });

    await waitUntil(() => queue.job(id)?.status === 'printed', 'the job is printed');
    await waitUntil(() => sink.jobs().length === 1, 'the sink has the job');

    expect(Buffer.compare(sink.jobs()[0] ?? Buffer.alloc(0), Buffer.from(ordinaryBytes))).toBe(0);
  });

  it('reports a printer that refuses the connection as offline', async () => {
    const port = await closedPort();
    const error = await createTcpTransport()
      .send({ kind: 'tcp', host: '127.0.0.1', port }, ordinaryBytes)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PrintFailure);
    expect(error).toMatchObject({
      code: 'printer-offline',
      detail: `127.0.0.1:${port} (ECONNREFUSED)`,
      retryable: true,
    });
  });

  it('keeps the job queued with its reason while the printer is off, and prints it in order when it is back', async () => {
    const port = await closedPort();
    const printer = { kind: 'tcp', host: '127.0.0.1', port } as const;
    const queue = fixture.open({ tcp: createTcpTransport() });
    const first = fixture.enqueue({
      depositId: ordinaryLabel.depositId,
      kind: 'label',
      payload: ordinaryBytes,
      printer,
    });
    const second = fixture.enqueue({
      depositId: longPolishLabel.depositId,
      kind: 'reprint',
      payload: polishBytes,
      printer,
    });

    await waitUntil(() => queue.job(first)?.status === 'failed-retrying', 'the first try failed');
    expect(queue.job(first)?.lastError).toEqual({
      code: 'printer-offline',
      detail: `127.0.0.1:${port} (ECONNREFUSED)`,
    });
    expect(queue.job(second)?.status).toBe('queued');

    const sink = await sinkOn(port);
    await fixture.time.advance(2000);
    await waitUntil(() => queue.job(second)?.status === 'printed', 'both jobs are printed');
    await waitUntil(() => sink.jobs().length === 2, 'the sink has both jobs');

    expect(sink.jobs().map((bytes) => bytes.toString('utf8'))).toEqual([
      new TextDecoder().decode(ordinaryBytes),
      new TextDecoder().decode(polishBytes),
    ]);
    expect(queue.job(first)).toMatchObject({ status: 'printed', attempts: 2, lastError: null });
  });

  it('keeps a job queued for an offline printer across a restart and prints it after', async () => {
    const port = await closedPort();
    const queue = fixture.open({ tcp: createTcpTransport() });
    const id = fixture.enqueue({
      depositId: ordinaryLabel.depositId,
      kind: 'label',
      payload: ordinaryBytes,
      printer: { kind: 'tcp', host: '127.0.0.1', port },
    });
    await waitUntil(() => queue.job(id)?.status === 'failed-retrying', 'the first try failed');

    const sink = await sinkOn(port);
    const reopened = await fixture.restart({ tcp: createTcpTransport() });
    expect(reopened.job(id)?.status).toBe('failed-retrying');
    await fixture.time.advance(2000);

    await waitUntil(() => reopened.job(id)?.status === 'printed', 'the job is printed');
    await waitUntil(() => sink.jobs().length === 1, 'the sink has the job');
    expect(Buffer.compare(sink.jobs()[0] ?? Buffer.alloc(0), Buffer.from(ordinaryBytes))).toBe(0);
  });
});
