import type { TFunction } from 'i18next';
import type { IpcError } from '../../../common/contract';
import type { Availability } from './commandAvailability';
import { formatDuration } from './durations';

/**
 * A refusal in the clerk's words: each code the queue channels answer has its own sentence in
 * `queue.errors`; a code without one (a transport error) shows main's message.
 */
export function queueErrorText(t: TFunction, error: Pick<IpcError, 'code' | 'message'>): string {
  const key = `queue.errors.${error.code}`;
  return hasKey(t, key)
    ? String(t(key as never, { message: error.message }))
    : String(t('queue.errors.other', { message: error.message }));
}

/** Why a command is not possible now, in the clerk's words. */
export function whyNotText(t: TFunction, availability: Availability): string | null {
  if (availability.enabled) return null;
  const values = { ...availability.values };
  if (availability.why === 'noShowMinutes' && typeof values.seconds === 'number') {
    return String(t('queue.why.noShowMinutes', { time: formatDuration(values.seconds * 1000) }));
  }
  return String(t(`queue.why.${availability.why}` as never, values));
}

function hasKey(t: TFunction, key: string): boolean {
  // i18next answers the key itself when it has no translation for it.
  return t(key as never) !== key;
}
