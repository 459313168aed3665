import { useTranslation } from 'react-i18next';
import type { LockerDeposit } from '../../../common/contract';
import { formatDateTime } from '../cases/caseFormat';

/** Every state the deposit went through: when, and who did it (the login). */
export function DepositHistory(props: { deposit: Pick<LockerDeposit, 'history'> }) {
  const { t, i18n } = useTranslation();
  return (
    <details className="locker-history">
      <summary>{t('lockers.workbench.history')}</summary>
      <ol data-testid="locker-deposit-history">
        {props.deposit.history.map((entry) => (
          <li key={`${entry.state}-${entry.at}`} data-state={entry.state}>
            <strong>{t(`lockers.states.${entry.state}`)}</strong>
            {': '}
            {t('lockers.lists.changedBy', {
              time: formatDateTime(entry.at, i18n.language),
              name: entry.by,
            })}
          </li>
        ))}
      </ol>
    </details>
  );
}
