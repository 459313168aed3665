import type { SerializedError } from '@reduxjs/toolkit';
import type { TFunction } from 'i18next';
import type { IpcError } from '../../../common/contract';

/**
 * A failed desk command in the assistant's words: each assistant code has its sentence in
 * `assistant.errors`; anything else (a transport error) shows main's message.
 */
export function assistantErrorText(t: TFunction, error: IpcError | SerializedError): string {
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  const message = error.message ?? '';
  const key = `assistant.errors.${code}`;
  const known = code !== '' && t(key as never) !== key;
  return known
    ? String(t(key as never, { message }))
    : String(t('assistant.errors.other', { message }));
}
