import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockerDeposit } from '../../../common/contract';
import { formatCivilDateLong, formatDateTime } from '../cases/caseFormat';
import { DepositStateTag } from './DepositStateTag';

/**
 * A list of deposits: the deposit id (a button that opens it on the desk), case, compartment,
 * state with its last change (when, who), last day of pickup, and a column for what the list
 * lets the clerk do (select for printing, take back).
 */
export function DepositTable(props: {
  deposits: readonly LockerDeposit[];
  testId: string;
  onOpen: (deposit: LockerDeposit) => void;
  action?: { heading: string; cell: (deposit: LockerDeposit) => ReactNode };
}) {
  const { t, i18n } = useTranslation();
  if (props.deposits.length === 0) {
    return (
      <p className="muted" data-testid={`${props.testId}-none`}>
        {t('lockers.lists.none')}
      </p>
    );
  }
  return (
    <table className="compact-table locker-table" data-testid={props.testId}>
      <thead>
        <tr>
          <th scope="col">{t('lockers.lists.depositId')}</th>
          <th scope="col">{t('lockers.lists.caseNumber')}</th>
          <th scope="col">{t('lockers.lists.size')}</th>
          <th scope="col">{t('lockers.lists.state')}</th>
          <th scope="col">{t('lockers.lists.lastPickupDay')}</th>
          {props.action ? <th scope="col">{props.action.heading}</th> : null}
        </tr>
      </thead>
      <tbody>
        {props.deposits.map((deposit) => {
          const last = deposit.history.at(-1);
          return (
            <tr
              key={deposit.depositId}
              data-testid="locker-deposit-row"
              data-deposit-id={deposit.depositId}
              data-case-number={deposit.caseNumber}
              data-state={deposit.state}
              data-sync={deposit.sync}
            >
              <th scope="row">
                <button
                  type="button"
                  className="locker-choose"
                  onClick={() => props.onOpen(deposit)}
                  data-testid="locker-deposit-open"
                >
                  {deposit.depositId}
                </button>
              </th>
              <td>{deposit.caseNumber}</td>
              <td>{t(`lockers.prepare.sizes.${deposit.compartmentSize}`)}</td>
              <td>
                <DepositStateTag deposit={deposit} />
                {last ? (
                  <span className="muted small locker-changed">
                    {t('lockers.lists.changedBy', {
                      time: formatDateTime(last.at, i18n.language),
                      name: last.by,
                    })}
                  </span>
                ) : null}
              </td>
              <td>{formatCivilDateLong(deposit.lastPickupDay, i18n.language)}</td>
              {props.action ? <td>{props.action.cell(deposit)}</td> : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
