import type { TFunction } from 'i18next';
import type { IpcError } from '../../../common/contract';
import type { LabelJob } from '../../../common/contract';

/** The refusals and errors of the lockers and labels channels the desk explains in its words. */
const KNOWN_ERRORS = new Set([
  'unknown-case',
  'not-locker-eligible',
  'not-ready',
  'already-deposited',
  'no-contact',
  'no-locker-at-site',
  'no-session',
  'offline',
  'unknown-deposit',
  'wrong-state',
  'label-invalid',
  'already-printed',
  'unknown-job',
  'not-retryable',
  'too-late',
]);

/** A refusal of a lockers or labels channel in the clerk's words; anything else, main's message. */
export function lockersErrorText(t: TFunction, error: Pick<IpcError, 'code' | 'message'>): string {
  return KNOWN_ERRORS.has(error.code)
    ? String(t(`lockers.errors.${error.code}` as never))
    : t('lockers.errors.other', { message: error.message });
}

/** An RTK Query error as an IPC error (a thrown mutation rejects with the base query's error). */
export function asIpcError(error: unknown): Pick<IpcError, 'code' | 'message'> {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code, message } = error as { code: unknown; message?: unknown };
    return { code: String(code), message: typeof message === 'string' ? message : '' };
  }
  return { code: 'unknown', message: error instanceof Error ? error.message : String(error) };
}

/** Why a label did not print, in the clerk's words: what to check, not the system's code. */
export function printFailureText(t: TFunction, job: Pick<LabelJob, 'lastError'>): string | null {
  if (!job.lastError) return null;
  return t(`lockers.queue.reasons.${job.lastError.code}`, { detail: job.lastError.detail });
}
