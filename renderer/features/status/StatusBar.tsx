import { useTranslation } from 'react-i18next';
import { useAppInfoQuery } from '../../app/clerkApi';
import { useSyncStatusQuery } from '../sync/syncApi';
import { formatSyncTime } from './formatSyncTime';

/**
 * The foot of every window: whether the central server answers, how many local changes wait to
 * be sent (and how many it refused, in the warning colour), and when the last sync was. Both
 * windows follow main's events live.
 */
export function StatusBar() {
  const { t, i18n } = useTranslation();
  const { data } = useAppInfoQuery();
  const { data: sync } = useSyncStatusQuery();
  const central = data?.central;
  const state = central?.reachable == null ? 'checking' : central.reachable ? 'online' : 'offline';
  const lastSync = latest(sync?.lastPullAt ?? null, sync?.lastPushAt ?? null);
  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <span className={`status-dot status-${state}`} aria-hidden="true" />
      <span role="status" data-testid="central-status" data-state={state}>
        {t(`status.${state}`)}
      </span>
      {sync ? (
        <>
          <span
            data-testid="sync-pending"
            data-count={sync.pending}
            title={
              sync.lastError ? t('status.syncProblem', { problem: sync.lastError }) : undefined
            }
          >
            {t('status.pending', { count: sync.pending })}
          </span>
          {sync.failed > 0 ? (
            <span className="status-warning" data-testid="sync-failed" data-count={sync.failed}>
              {t('status.failed', { count: sync.failed })}
            </span>
          ) : null}
          <span className="status-muted" data-testid="sync-last">
            {lastSync
              ? t('status.lastSync', { time: formatSyncTime(lastSync, i18n.language) })
              : t('status.neverSynced')}
          </span>
        </>
      ) : null}
      {central?.checkedAt && state === 'offline' ? (
        <span className="status-muted">
          {t('status.lastCheck', { time: formatSyncTime(central.checkedAt, i18n.language) })}
        </span>
      ) : null}
      {data ? <span className="status-version">Okienko {data.appVersion}</span> : null}
    </footer>
  );
}

function latest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
