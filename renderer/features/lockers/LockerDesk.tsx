import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockerDeposit, LockerReadyCase } from '../../../common/contract';
import type { DepositId } from '../../../common/contract/lockerLabel';
import { FailedMutationsPanel } from '../sync/FailedMutationsPanel';
import { DepositLists } from './DepositLists';
import { DepositWorkbench } from './DepositWorkbench';
import { DeskSyncLine } from './DeskSyncLine';
import './lockersDesk.css';
import { PrepareDepositForm } from './PrepareDepositForm';
import { PrintProgress } from './PrintProgress';
import { PrintQueuePanel } from './PrintQueuePanel';
import { ReadyCasesPanel } from './ReadyCasesPanel';
import { useLabelPrinting } from './useLabelPrinting';
import { WindowPrintSheet } from './WindowPrintSheet';

export { isLockerDesk } from './lockerDeskLogic';

/** What the middle of the desk holds: a case to prepare, or a deposit being worked on. */
type OnDesk =
  | { kind: 'none' }
  | { kind: 'case'; readyCase: LockerReadyCase }
  | { kind: 'deposit'; depositId: DepositId };

/**
 * The locker desk at ul. Focha: the ready results, the one being put in an envelope (its
 * compartment size, its label previewed and printed, then into the locker), the print queue,
 * and the day's, expiring and expired deposits. The pickup code never reaches this window.
 */
export function LockerDesk() {
  const { t } = useTranslation();
  const [onDesk, setOnDesk] = useState<OnDesk>({ kind: 'none' });
  const printing = useLabelPrinting();

  function deposited(): void {
    // The next envelope: back to the search, its text selected so the next number replaces it;
    // the finished deposit stays in view.
    requestAnimationFrame(() => {
      const search = document.querySelector<HTMLInputElement>(
        '[data-testid="locker-ready-search"]',
      );
      search?.focus();
      search?.select();
    });
  }

  function open(deposit: LockerDeposit): void {
    setOnDesk({ kind: 'deposit', depositId: deposit.depositId });
  }

  return (
    <div className="locker-desk" data-testid="locker-desk">
      <div className="locker-screen-only">
        <p className="muted">{t('lockers.intro')}</p>
        <DeskSyncLine />
        <div className="locker-grid">
          <ReadyCasesPanel
            chosenCaseId={onDesk.kind === 'case' ? onDesk.readyCase.caseId : null}
            onChoose={(readyCase) => setOnDesk({ kind: 'case', readyCase })}
          />
          <section className="panel locker-section" aria-labelledby="locker-desk-heading">
            <h2 id="locker-desk-heading">{t('lockers.prepare.heading')}</h2>
            {onDesk.kind === 'case' ? (
              <PrepareDepositForm
                key={onDesk.readyCase.caseId}
                readyCase={onDesk.readyCase}
                onPrepared={open}
              />
            ) : onDesk.kind === 'deposit' ? (
              <DepositWorkbench
                key={onDesk.depositId}
                depositId={onDesk.depositId}
                printing={printing.printing}
                onPrint={printing.print}
                onDeposited={deposited}
              />
            ) : (
              <p className="muted">{t('lockers.prepare.choose')}</p>
            )}
            {printing.failure ? (
              <p role="alert" className="error" data-testid="locker-print-error">
                {printing.failure}
              </p>
            ) : null}
            {printing.batch ? (
              <PrintProgress key={printing.batch.batchId} batch={printing.batch} />
            ) : null}
          </section>
        </div>
        <PrintQueuePanel />
        <DepositLists printing={printing.printing} onPrint={printing.print} onOpen={open} />
        <FailedMutationsPanel />
      </div>
      {printing.windowPrint ? (
        <WindowPrintSheet job={printing.windowPrint} onPrinted={printing.windowPrinted} />
      ) : null}
    </div>
  );
}
