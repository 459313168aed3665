import { useTranslation } from 'react-i18next';
import { formatClockTime } from './caseFormat';
import type { DraftSaveState } from './useDraftSaver';

/**
 * Whether what is typed is safe: the time of the last save. While a save runs the last time
 * stays (a status flickering on every key would be read out on every key).
 */
export function SaveStatus({ state }: { state: DraftSaveState }) {
  const { t, i18n } = useTranslation();
  const text =
    state.failed !== null
      ? t('cases.save.failed', { message: state.failed })
      : state.savedAt !== null
        ? t('cases.save.saved', { time: formatClockTime(state.savedAt, i18n.language) })
        : state.saving
          ? t('cases.save.saving')
          : t('cases.save.idle');
  return (
    <p
      className={state.failed !== null ? 'case-save case-save-failed' : 'case-save'}
      role="status"
      aria-live="polite"
      data-testid="case-save-status"
    >
      {text}
    </p>
  );
}
