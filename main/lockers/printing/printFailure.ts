/**
 * Why a label did not print, as the clerk is told. `code` is what the renderer translates into a
 * Polish or English sentence; `detail` is the fact that sentence names (an address, a path, the
 * system's own error code), never a sentence in one language.
 */
export type PrintFailureCode =
  /** The printer did not answer (refused, timed out, unreachable): it is off or unplugged. */
  | 'printer-offline'
  /** The device file is not there (a USB printer switched off or unplugged). */
  | 'printer-device-missing'
  /** The device file exists but this Windows/Linux user may not write to it. */
  | 'printer-access-denied'
  /** The IPP printer or CUPS answered but refused the job (queue stopped, format refused). */
  | 'printer-rejected'
  /** The printer config names a kind this version cannot print to (the dialog in a host without one). */
  | 'printer-kind-unsupported'
  /** The job's printer target could not be read (a damaged row). */
  | 'printer-config-invalid'
  /** Anything else the operating system reported while sending. */
  | 'printer-error';

export type PrintFailureReason = { code: PrintFailureCode; detail: string };

/**
 * A send that failed. `retryable` says whether waiting can help (a printer switched back on) or
 * only a person can (a wrong permission, a kind not supported): the queue retries the first with
 * backoff and parks the second as `failed` until the clerk retries it.
 */
export class PrintFailure extends Error {
  override readonly name = 'PrintFailure';
  readonly code: PrintFailureCode;
  readonly detail: string;
  readonly retryable: boolean;

  constructor(code: PrintFailureCode, detail: string, retryable: boolean, cause?: unknown) {
    super(`${code}: ${detail}`, { cause });
    this.code = code;
    this.detail = detail;
    this.retryable = retryable;
  }
}

/** Network errors that mean the printer is not there right now: switched off, asleep, unplugged. */
export const PRINTER_OFFLINE_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

/** The `code` of a Node system error (ECONNREFUSED, ENOENT…), if it has one. */
export function systemErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error;
  return typeof code === 'string' ? code : undefined;
}

/** Any error as a failure: a transport's own PrintFailure as it is, the rest as retryable. */
export function toPrintFailure(error: unknown): PrintFailure {
  if (error instanceof PrintFailure) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new PrintFailure('printer-error', detail, true, error);
}
