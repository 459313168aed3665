import { PRINTER_OFFLINE_CODES, PrintFailure, systemErrorCode } from '../printFailure';
import { createIppClient, IppHttpError, type IppClientOptions } from '../ipp/ippClient';
import {
  allStrings,
  firstNumber,
  firstString,
  ippStatusName,
  isIppSuccess,
  jobStates,
  operationIds,
  printerStates,
  type IppResponse,
} from '../ipp/ippEncoding';
import type { PrinterConfigOf, PrinterTransport, PrintJobRef } from './printerTransport';

export type IppTransportOptions = IppClientOptions & {
  /**
   * How long a send watches the job after the printer accepted it. A job still waiting when this
   * runs out (CUPS holds it: the label printer behind it is off) is reported as not printed yet,
   * with the spooler's words; the next try looks at that job instead of submitting another.
   */
  completionWaitMs?: number;
  pollIntervalMs?: number;
  sleep?: (ms: number) => Promise<void>;
};

const DEFAULT_COMPLETION_WAIT_MS = 20_000;
const DEFAULT_POLL_INTERVAL_MS = 250;

/** IPP status codes a wait can mend: the printer is busy, restarting, or its queue paused. */
const RETRYABLE_STATUS = new Set([0x0502, 0x0505, 0x0506, 0x0507]);

/** fetch (undici) adds its own codes for a connection that timed out or broke. */
const OFFLINE_CODES = new Set([
  ...PRINTER_OFFLINE_CODES,
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

type RemoteJob = { jobId: number; printerUri: string };

/** A failed fetch as a failure: the system error is in the cause of fetch's TypeError. */
function networkFailure(address: string, error: unknown): PrintFailure {
  if (error instanceof PrintFailure) return error;
  if (error instanceof IppHttpError) {
    if (error.status === 401 || error.status === 403) {
      return new PrintFailure('printer-access-denied', `${address} (HTTP ${error.status})`, false);
    }
    return new PrintFailure('printer-error', `${address} (HTTP ${error.status})`, true, error);
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new PrintFailure('printer-offline', `${address} (no answer)`, true, error);
  }
  const code =
    systemErrorCode(error instanceof Error ? error.cause : undefined) ?? systemErrorCode(error);
  if (code !== undefined && OFFLINE_CODES.has(code)) {
    return new PrintFailure('printer-offline', `${address} (${code})`, true, error);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new PrintFailure('printer-error', `${address} (${code ?? message})`, true, error);
}

function refusal(address: string, response: IppResponse): PrintFailure {
  const message = firstString(response.operation, 'status-message');
  const detail = `${address} (${ippStatusName(response.statusCode)}${message ? `: ${message}` : ''})`;
  return new PrintFailure(
    RETRYABLE_STATUS.has(response.statusCode) ? 'printer-offline' : 'printer-rejected',
    detail,
    RETRYABLE_STATUS.has(response.statusCode),
  );
}

/** The spooler's own account of a job that has not printed: its message or its reasons. */
function jobStory(job: Record<string, unknown[]> | undefined): string {
  const group = job as Parameters<typeof firstString>[0];
  const message = firstString(group, 'job-printer-state-message');
  const reasons = allStrings(group, 'job-state-reasons').filter((reason) => reason !== 'none');
  return [message, reasons.join(', ')].filter((part) => part).join('; ') || 'waiting';
}

/**
 * A label printer reached over IPP: a CUPS queue (`ipp://cups.urzad.local/printers/zebra`, best a
 * raw queue, so CUPS passes the ZPL through untouched) or a printer that speaks IPP itself.
 * Print-Job carries the ZPL as `application/octet-stream` (or the configured format); then
 * Get-Job-Attributes follows the job until it completed, so "printed" means the spooler handed
 * every byte to the printer, not merely that it took the job.
 */
export function createIppTransport(options: IppTransportOptions = {}): PrinterTransport<'ipp'> {
  const client = createIppClient(options);
  const completionWaitMs = options.completionWaitMs ?? DEFAULT_COMPLETION_WAIT_MS;
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  /** What was submitted for each queue job that has not completed yet (kept in memory). */
  const submitted = new Map<string, RemoteJob>();

  async function jobAttributes(remote: RemoteJob): Promise<IppResponse> {
    return client.call(remote.printerUri, operationIds.getJobAttributes, [
      { name: 'job-id', tag: 'integer', values: [remote.jobId] },
      {
        name: 'requested-attributes',
        tag: 'keyword',
        values: ['job-state', 'job-state-reasons', 'job-printer-state-message'],
      },
    ]);
  }

  /**
   * Follows a submitted job until it ends or the wait runs out. Resolves when it completed (or
   * the printer cannot say: it took the job, which is all a printer without job history knows).
   */
  async function follow(address: string, job: PrintJobRef, remote: RemoteJob): Promise<void> {
    const deadline = Date.now() + completionWaitMs;
    for (;;) {
      const response = await jobAttributes(remote);
      if (!isIppSuccess(response.statusCode)) {
        // not-found / gone (the printer keeps no history) or not supported: it was accepted.
        submitted.delete(job.id);
        return;
      }
      const attributes = response.job[0];
      const state = firstNumber(attributes, 'job-state');
      if (state === jobStates.completed || state === null) {
        submitted.delete(job.id);
        return;
      }
      if (state === jobStates.canceled || state === jobStates.aborted) {
        submitted.delete(job.id);
        throw new PrintFailure(
          'printer-rejected',
          `${address} (job ${remote.jobId} ${state === jobStates.canceled ? 'canceled' : 'aborted'}: ${jobStory(attributes)})`,
          false,
        );
      }
      if (Date.now() >= deadline) {
        throw new PrintFailure(
          'printer-offline',
          `${address} (job ${remote.jobId} not printed yet: ${jobStory(attributes)})`,
          true,
        );
      }
      await sleep(pollIntervalMs);
    }
  }

  return {
    kind: 'ipp',
    async send(printer, bytes, job = { id: '', depositId: '' }) {
      const address = printer.url;
      try {
        const known = job.id === '' ? undefined : submitted.get(job.id);
        if (known) {
          // The last try left a job with the spooler: look at it rather than print twice.
          await follow(address, job, known);
          return;
        }
        const response = await client.call(
          printer.url,
          operationIds.printJob,
          [
            {
              name: 'job-name',
              tag: 'nameWithoutLanguage',
              values: [job.depositId || 'label'],
            },
            {
              name: 'document-format',
              tag: 'mimeMediaType',
              values: [printer.documentFormat ?? 'application/octet-stream'],
            },
          ],
          { data: bytes },
        );
        if (!isIppSuccess(response.statusCode)) throw refusal(address, response);
        const jobId = firstNumber(response.job[0], 'job-id');
        if (jobId === null) return; // accepted, but no job to follow
        const remote = { jobId, printerUri: printer.url };
        if (job.id !== '') submitted.set(job.id, remote);
        await follow(address, job, remote);
      } catch (error) {
        throw networkFailure(address, error);
      }
    },

    async status(printer: PrinterConfigOf<'ipp'>) {
      try {
        const response = await client.call(printer.url, operationIds.getPrinterAttributes, [
          {
            name: 'requested-attributes',
            tag: 'keyword',
            values: [
              'printer-state',
              'printer-state-reasons',
              'printer-state-message',
              'printer-is-accepting-jobs',
            ],
          },
        ]);
        if (!isIppSuccess(response.statusCode)) {
          return { state: 'offline', detail: ippStatusName(response.statusCode) };
        }
        const attributes = response.printer[0];
        const state = firstNumber(attributes, 'printer-state');
        const accepting = attributes?.['printer-is-accepting-jobs']?.[0] !== false;
        const reasons = allStrings(attributes, 'printer-state-reasons').filter(
          (reason) => reason !== 'none',
        );
        const message = firstString(attributes, 'printer-state-message');
        const detail = [message, reasons.join(', ')].filter((part) => part).join('; ') || null;
        return {
          state: state === printerStates.stopped || !accepting ? 'offline' : 'online',
          detail,
        };
      } catch (error) {
        return { state: 'offline', detail: networkFailure(printer.url, error).detail };
      }
    },

    async cancel(printer, job) {
      const remote = submitted.get(job.id);
      if (!remote) return;
      submitted.delete(job.id);
      await client
        .call(printer.url, operationIds.cancelJob, [
          { name: 'job-id', tag: 'integer', values: [remote.jobId] },
        ])
        .catch(() => undefined); // best effort: the job may have printed meanwhile
    },
  };
}
