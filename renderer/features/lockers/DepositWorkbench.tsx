import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockerDeposit } from '../../../common/contract';
import type { DepositId } from '../../../common/contract/lockerLabel';
import { formatCivilDateLong } from '../cases/caseFormat';
import { DepositHistory } from './DepositHistory';
import { DepositStateTag } from './DepositStateTag';
import { LabelPreviewImage } from './LabelPreviewImage';
import { asIpcError, lockersErrorText } from './lockerMessages';
import { useDepositInLockerMutation, useDepositQuery } from './lockersApi';

/**
 * One deposit on the desk, from prepared to in the locker: the label as it will print, the
 * print button, then "put in the compartment" once the label is out, and its dated history.
 * The focus follows the work: on the print button when prepared, on the deposit button once
 * the label has printed.
 */
export function DepositWorkbench(props: {
  depositId: DepositId;
  printing: boolean;
  onPrint: (depositIds: DepositId[], reprint: boolean) => Promise<boolean>;
  onDeposited: (deposit: LockerDeposit) => void;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const { data: deposit, error } = useDepositQuery(props.depositId);
  const [depositInLocker, { isLoading: depositing }] = useDepositInLockerMutation();
  const [failure, setFailure] = useState<string | null>(null);
  const printButton = useRef<HTMLButtonElement>(null);
  const depositButton = useRef<HTMLButtonElement>(null);
  const state = deposit?.state ?? null;

  useEffect(() => {
    if (state === 'prepared') printButton.current?.focus();
    else if (state === 'label-printed') depositButton.current?.focus();
  }, [state]);

  async function putInLocker(): Promise<void> {
    if (depositing) return;
    setFailure(null);
    try {
      props.onDeposited(await depositInLocker(props.depositId).unwrap());
    } catch (failed) {
      setFailure(lockersErrorText(t, asIpcError(failed)));
    }
  }

  function print(reprint: boolean): void {
    if (!props.printing) void props.onPrint([props.depositId], reprint);
  }

  return (
    <section
      className="locker-workbench"
      aria-labelledby={headingId}
      data-testid="locker-workbench"
      data-deposit-id={props.depositId}
    >
      <h3 id={headingId}>
        {t('lockers.workbench.heading')}{' '}
        <span className="locker-deposit-id" data-testid="locker-deposit-id">
          {props.depositId}
        </span>{' '}
        {deposit ? <DepositStateTag deposit={deposit} testId="locker-deposit-state" /> : null}
      </h3>
      {error ? (
        <p role="alert" className="error">
          {lockersErrorText(t, asIpcError(error))}
        </p>
      ) : !deposit ? (
        <p aria-busy="true">{t('lockers.workbench.loading')}</p>
      ) : (
        <>
          <dl className="locker-facts">
            <div>
              <dt>{t('lockers.lists.caseNumber')}</dt>
              <dd>{deposit.caseNumber}</dd>
            </div>
            <div>
              <dt>{t('lockers.lists.size')}</dt>
              <dd data-testid="locker-deposit-size">
                {t(`lockers.prepare.sizes.${deposit.compartmentSize}`)}
              </dd>
            </div>
            <div>
              <dt>{t('lockers.lists.lastPickupDay')}</dt>
              <dd>{formatCivilDateLong(deposit.lastPickupDay, i18n.language)}</dd>
            </div>
          </dl>
          <LabelPreviewImage deposit={deposit} reprint={deposit.state !== 'prepared'} />
          <div className="locker-buttons">
            {deposit.state === 'prepared' ? (
              <button
                ref={printButton}
                type="button"
                className="action action-primary action-large"
                aria-disabled={props.printing}
                onClick={() => print(false)}
                data-testid="locker-print"
              >
                {t('lockers.print.button')}
              </button>
            ) : null}
            {deposit.state === 'label-printed' ? (
              <button
                ref={depositButton}
                type="button"
                className="action action-primary action-large"
                aria-disabled={depositing}
                onClick={() => void putInLocker()}
                data-testid="locker-deposit"
              >
                {t('lockers.deposit.button')}
              </button>
            ) : null}
            {deposit.state === 'label-printed' || deposit.state === 'deposited' ? (
              <button
                type="button"
                className="action"
                aria-disabled={props.printing}
                onClick={() => print(true)}
                data-testid="locker-reprint"
              >
                {t('lockers.print.reprint')}
              </button>
            ) : null}
          </div>
          {failure ? (
            <p role="alert" className="error" data-testid="locker-deposit-error">
              {failure}
            </p>
          ) : null}
          {deposit.state === 'deposited' ? (
            <p role="status" className="locker-done" data-testid="locker-deposit-done">
              {t('lockers.deposit.done', { depositId: deposit.depositId })}
            </p>
          ) : null}
          <DepositHistory deposit={deposit} />
        </>
      )}
    </section>
  );
}
