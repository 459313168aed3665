import { useTranslation } from 'react-i18next';
import { useAppInfoQuery } from '../../app/clerkApi';
import { useSyncStatusQuery } from '../sync/syncApi';

/**
 * Whether the desk works on its own data (the server does not answer) and how many of its
 * changes still wait to be sent: a deposit put in the locker offline reaches the server, and so
 * the resident's pickup code, only once they are sent.
 */
export function DeskSyncLine() {
  const { t } = useTranslation();
  const { data: info } = useAppInfoQuery();
  const { data: sync } = useSyncStatusQuery();
  const offline = info?.central.reachable === false;
  const pending = sync?.pending ?? 0;
  if (!offline && pending === 0) return null;
  return (
    <p className="locker-sync-line" role="status" data-testid="locker-sync">
      {offline ? <span data-testid="locker-offline">{t('lockers.offline')}</span> : null}
      {pending > 0 ? (
        <span className="tag tag-muted" data-testid="locker-sync-pending" data-count={pending}>
          {t('lockers.pendingSync', { count: pending })}
        </span>
      ) : null}
    </p>
  );
}
