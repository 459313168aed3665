import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockerDeposit } from '../../../common/contract';
import type { DepositId } from '../../../common/contract/lockerLabel';
import { DepositTable } from './DepositTable';
import { depositsOfTheDay, siteCivilDate } from './lockerDeskLogic';
import { asIpcError, lockersErrorText } from './lockerMessages';
import { useDepositsQuery, useReturnToOfficeMutation } from './lockersApi';

/**
 * The desk's lists: the day's deposits (prepared ones can be selected and printed as a batch),
 * the deposits whose pickup period ends today or tomorrow, and the expired ones to take out of
 * the locker and back to the office.
 */
export function DepositLists(props: {
  printing: boolean;
  onPrint: (depositIds: DepositId[], reprint: boolean) => Promise<boolean>;
  onOpen: (deposit: LockerDeposit) => void;
}) {
  const { t } = useTranslation();
  const todayId = useId();
  const expiringId = useId();
  const expiredId = useId();
  const { data: all } = useDepositsQuery('all');
  const { data: toTakeBack } = useDepositsQuery('to-take-back');
  const [returnToOffice] = useReturnToOfficeMutation();
  const [selected, setSelected] = useState<ReadonlySet<DepositId>>(new Set());
  const [failure, setFailure] = useState<string | null>(null);

  const today = depositsOfTheDay(all ?? [], siteCivilDate(new Date()));
  const printable = new Set(
    today.filter((deposit) => deposit.state === 'prepared').map((d) => d.depositId),
  );
  // A selected deposit that printed meanwhile (or went) is no longer selected.
  const chosen = [...selected].filter((id) => printable.has(id));
  const expiring = (toTakeBack ?? []).filter((deposit) => deposit.expiry === 'expiring');
  const expired = (toTakeBack ?? []).filter(
    (deposit) => deposit.expiry === 'expired' || deposit.state === 'expired',
  );

  function toggle(depositId: DepositId, on: boolean): void {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(depositId);
      else next.delete(depositId);
      return next;
    });
  }

  async function printSelected(): Promise<void> {
    if (props.printing || chosen.length === 0) return;
    if (await props.onPrint(chosen, false)) setSelected(new Set());
  }

  function takeBack(deposit: LockerDeposit): void {
    setFailure(null);
    returnToOffice(deposit.depositId)
      .unwrap()
      .catch((error: unknown) => setFailure(lockersErrorText(t, asIpcError(error))));
  }

  const returnAction = {
    heading: t('lockers.lists.action'),
    cell: (deposit: LockerDeposit) => (
      <button
        type="button"
        className="action"
        aria-label={t('lockers.deposit.returnLabel', {
          depositId: deposit.depositId,
          caseNumber: deposit.caseNumber,
        })}
        onClick={() => takeBack(deposit)}
        data-testid="locker-return"
      >
        {t('lockers.deposit.returnButton')}
      </button>
    ),
  };

  return (
    <div className="locker-lists">
      <section className="panel locker-section" aria-labelledby={todayId}>
        <div className="locker-section-head">
          <h2 id={todayId}>
            {t('lockers.lists.today')} <span className="heading-count">{today.length}</span>
          </h2>
          <button
            type="button"
            className="action"
            aria-disabled={props.printing || chosen.length === 0}
            onClick={() => void printSelected()}
            data-testid="locker-print-selected"
          >
            {t('lockers.print.selected', { count: chosen.length })}
          </button>
        </div>
        <DepositTable
          deposits={today}
          testId="locker-deposits-today"
          onOpen={props.onOpen}
          action={{
            heading: t('lockers.lists.select'),
            cell: (deposit) =>
              printable.has(deposit.depositId) ? (
                <input
                  type="checkbox"
                  aria-label={t('lockers.lists.selectLabel', { depositId: deposit.depositId })}
                  checked={chosen.includes(deposit.depositId)}
                  onChange={(event) => toggle(deposit.depositId, event.target.checked)}
                  data-testid="locker-deposit-select"
                />
              ) : null,
          }}
        />
      </section>
      {failure ? (
        <p role="alert" className="error" data-testid="locker-return-error">
          {failure}
        </p>
      ) : null}
      <section className="panel locker-section" aria-labelledby={expiringId}>
        <h2 id={expiringId}>
          {t('lockers.lists.expiring')} <span className="heading-count">{expiring.length}</span>
        </h2>
        <DepositTable
          deposits={expiring}
          testId="locker-deposits-expiring"
          onOpen={props.onOpen}
          action={returnAction}
        />
      </section>
      <section className="panel locker-section" aria-labelledby={expiredId}>
        <h2 id={expiredId}>
          {t('lockers.lists.expired')} <span className="heading-count">{expired.length}</span>
        </h2>
        <DepositTable
          deposits={expired}
          testId="locker-deposits-expired"
          onOpen={props.onOpen}
          action={returnAction}
        />
      </section>
    </div>
  );
}
