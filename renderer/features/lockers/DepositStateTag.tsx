import { useTranslation } from 'react-i18next';
import type { LockerDeposit } from '../../../common/contract';

const WARN_STATES = new Set(['expired']);

/**
 * A deposit's state as a tag, with what the screen reader should also hear: a change still
 * waiting for the server, or refused by it. Expiring soon shows too, for a deposit in the locker.
 */
export function DepositStateTag(props: {
  deposit: Pick<LockerDeposit, 'state' | 'sync' | 'syncError' | 'expiry'>;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { state, sync, syncError, expiry } = props.deposit;
  return (
    <span className="locker-state">
      <span
        className={WARN_STATES.has(state) ? 'tag tag-warn' : 'tag'}
        data-testid={props.testId}
        data-state={state}
      >
        {t(`lockers.states.${state}`)}
      </span>
      {expiry === 'expiring' ? (
        <span className="tag tag-warn" data-testid="locker-expiring-tag">
          {t('lockers.lists.expiringTag')}
        </span>
      ) : null}
      {sync === 'pending' ? (
        <span className="tag tag-muted" data-testid="locker-sync-pending-tag">
          {t('lockers.sync.pending')}
        </span>
      ) : sync === 'rejected' ? (
        <span
          className="tag tag-warn"
          data-testid="locker-sync-rejected-tag"
          title={syncError ?? ''}
        >
          {t('lockers.sync.rejected')}
        </span>
      ) : null}
    </span>
  );
}
