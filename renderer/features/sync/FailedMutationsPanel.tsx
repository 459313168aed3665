import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../common/contract';
import { formatSyncTime } from '../status/formatSyncTime';
import {
  useDiscardFailedMutation,
  useFailedMutationsQuery,
  useRetryFailedMutation,
  useSyncStatusQuery,
} from './syncApi';

/**
 * The changes the central server refused, with its reasons: never silently dropped, they stay
 * here until someone sends them again or (a supervisor) discards them. Hidden when there are none.
 */
export function FailedMutationsPanel() {
  const { t, i18n } = useTranslation();
  const { data: status } = useSyncStatusQuery();
  const hasFailed = (status?.failed ?? 0) > 0;
  const { data: mutations } = useFailedMutationsQuery(undefined, { skip: !hasFailed });
  const [retry] = useRetryFailedMutation();
  const [discard] = useDiscardFailedMutation();
  const [problem, setProblem] = useState<string | null>(null);
  if (!hasFailed || !mutations || mutations.length === 0) return null;

  const typeLabels: Record<string, string> = {
    'visit.recordManual': t('sync.mutationTypes.recordManualVisit'),
  };
  async function run(action: Promise<{ error?: unknown }>) {
    const result = await action;
    setProblem(
      result.error ? t('sync.actionFailed', { message: (result.error as IpcError).message }) : null,
    );
  }

  return (
    <section className="panel failed-panel" aria-labelledby="failed-heading">
      <h2 id="failed-heading">{t('sync.failedHeading')}</h2>
      <p>{t('sync.failedIntro')}</p>
      {problem ? (
        <p role="alert" className="error">
          {problem}
        </p>
      ) : null}
      <table className="failed-table">
        <thead>
          <tr>
            <th scope="col">{t('sync.type')}</th>
            <th scope="col">{t('sync.createdAt')}</th>
            <th scope="col">{t('sync.reason')}</th>
            <th scope="col">{t('sync.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {mutations.map((mutation) => (
            <tr key={mutation.id} data-testid="failed-mutation">
              <td>{typeLabels[mutation.type] ?? mutation.type}</td>
              <td>{formatSyncTime(mutation.createdAt, i18n.language)}</td>
              <td>{mutation.reason}</td>
              <td className="failed-actions">
                <button type="button" onClick={() => void run(retry(mutation.id))}>
                  {t('sync.retry')}
                </button>
                <button type="button" onClick={() => void run(discard(mutation.id))}>
                  {t('sync.discard')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
