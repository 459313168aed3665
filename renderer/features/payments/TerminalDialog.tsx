import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError } from '../../../common/contract';
import type { EndOfDayReport as Report } from '../../../common/contract/central/payments';
import { Dialog } from '../../components/Dialog';
import { EndOfDayReport } from './EndOfDayReport';
import { paymentsErrorText, TERMINAL_DIALOG_KEY, terminalText } from './paymentMessages';
import { useEndOfDayMutation, useReconciliationQuery, useTerminalStateQuery } from './paymentsApi';
import { ReconciliationList } from './ReconciliationList';
import './payments.css';

/** Ctrl+Shift+P (P: płatności) opens the terminal window from anywhere in the counter window. */
const OPEN_KEY = 'P';

/**
 * The counter's "Terminal" button for the window's header, with its key and the count of payments
 * awaiting reconciliation: the clerk's way to the terminal's state, the payments to settle by
 * hand and the end of day.
 */
export function TerminalButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { data: pending } = useReconciliationQuery();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (
        event.ctrlKey &&
        event.shiftKey &&
        !event.altKey &&
        event.key.toUpperCase() === OPEN_KEY
      ) {
        event.preventDefault();
        // Not over another window's dialog: one modal at a time.
        if (!document.querySelector('dialog[open]')) setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    if (!open) return;
    // Esc closes this window first: the counter window's own Esc (back to the queue) listens
    // on the window too and would swallow the key before the dialog saw it. The queue's
    // function keys (F2 calls the next ticket) stay off while this window is open.
    const onKeyWhileOpen = (event: KeyboardEvent) => {
      const functionKey = /^F\d{1,2}$/.test(event.key);
      if (event.key !== 'Escape' && !functionKey) return;
      event.preventDefault();
      event.stopPropagation();
      if (!functionKey) setOpen(false);
    };
    window.addEventListener('keydown', onKeyWhileOpen, { capture: true });
    return () => window.removeEventListener('keydown', onKeyWhileOpen, { capture: true });
  }, [open]);
  const count = pending?.length ?? 0;

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-keyshortcuts="Control+Shift+P"
        data-testid="open-terminal"
      >
        {t('payments.dialog.open')}
        {count > 0 ? (
          <span className="payment-badge" data-testid="terminal-pending-count">
            {t('payments.dialog.pending', { count })}
          </span>
        ) : null}{' '}
        <kbd>{TERMINAL_DIALOG_KEY}</kbd>
      </button>
      {open ? <TerminalDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

export function TerminalDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const endOfDayHeading = useId();
  const { data: terminal, error: terminalError } = useTerminalStateQuery();
  const [runEndOfDay, { isLoading: running }] = useEndOfDayMutation();
  const [report, setReport] = useState<Report | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function onEndOfDay() {
    if (running) return;
    setFailure(null);
    try {
      setReport(await runEndOfDay().unwrap());
    } catch (error) {
      setFailure(paymentsErrorText(t, error as IpcError));
    }
  }

  return (
    <Dialog title={t('payments.dialog.title')} onClose={onClose} testId="terminal-dialog" wide>
      <p
        className={`payment-terminal payment-terminal-${terminal?.connection ?? 'unknown'}`}
        data-testid="terminal-dialog-state"
        data-connection={terminal?.connection ?? 'unknown'}
        aria-live="polite"
      >
        {terminalError ? t('payments.terminal.unknown') : terminalText(t, terminal)}
        {terminal?.terminalId ? ` · ${t('payments.terminal.id', { id: terminal.terminalId })}` : ''}
      </p>
      <ReconciliationList />
      <section aria-labelledby={endOfDayHeading} data-testid="payment-end-of-day-section">
        <h3 id={endOfDayHeading}>{t('payments.endOfDay.heading')}</h3>
        <p className="case-hint">{t('payments.endOfDay.intro')}</p>
        <button
          type="button"
          className="action action-primary"
          aria-disabled={running}
          onClick={() => void onEndOfDay()}
          data-testid="payment-end-of-day"
        >
          {running ? t('payments.endOfDay.running') : t('payments.endOfDay.run')}
        </button>
        {failure ? (
          <p role="alert" className="error" data-testid="payment-end-of-day-error">
            {failure}
          </p>
        ) : null}
        {report ? <EndOfDayReport report={report} /> : null}
      </section>
    </Dialog>
  );
}
