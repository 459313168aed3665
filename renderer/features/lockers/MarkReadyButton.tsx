import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../cases/caseFormat';
import { asIpcError, lockersErrorText } from './lockerMessages';
import { useMarkReadyMutation } from './lockersApi';
import './lockersDesk.css';

/**
 * In a registered case whose type allows pickup from the urzędomat: the counter clerk says the
 * result (the document) is ready, and the locker desk at ul. Focha sees it in its list.
 */
export function MarkReadyButton(props: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const [markReady, { data, isLoading }] = useMarkReadyMutation();
  const [failure, setFailure] = useState<string | null>(null);
  const marked = data?.caseId === props.caseId ? data : null;

  async function mark(): Promise<void> {
    if (isLoading) return;
    setFailure(null);
    try {
      await markReady(props.caseId).unwrap();
    } catch (error) {
      setFailure(lockersErrorText(t, asIpcError(error)));
    }
  }

  return (
    <div className="locker-mark-ready">
      {marked ? (
        <p role="status" className="locker-done" data-testid="case-mark-ready-done">
          {t('lockers.markReady.done', {
            time: formatDateTime(marked.readyAt, i18n.language),
          })}
        </p>
      ) : (
        <button
          type="button"
          className="action"
          aria-disabled={isLoading}
          onClick={() => void mark()}
          data-testid="case-mark-ready"
        >
          {t('lockers.markReady.button')}
        </button>
      )}
      {failure ? (
        <p role="alert" className="error" data-testid="case-mark-ready-error">
          {failure}
        </p>
      ) : null}
    </div>
  );
}
