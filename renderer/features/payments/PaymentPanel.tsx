import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError, PaymentRecord } from '../../../common/contract';
import type { PaymentMethod } from '../../../common/contract/central/payments';
import { formatMoney, parseMoney } from '../../../common/domain/money';
import { formatDateTime, moneyLocale } from '../cases/caseFormat';
import { PaymentConfirmation } from './PaymentConfirmation';
import {
  caseStateText,
  liveStatusText,
  paymentsErrorText,
  resultText,
  terminalText,
} from './paymentMessages';
import {
  useCancelPaymentMutation,
  useCasePaymentsQuery,
  useStartPaymentMutation,
  useTerminalStateQuery,
} from './paymentsApi';
import { isRunning, latestApproved, outcomeTone } from './paymentStatus';
import { ReversePaymentForm } from './ReversePaymentForm';
import './payments.css';

const METHODS: readonly PaymentMethod[] = ['card', 'blik'];

/**
 * "Take payment" in a submitted case: what the case owes, card or BLIK, the terminal's state
 * before the clerk tries, the live status while the resident pays (with a cancel while the
 * terminal still allows it), the outcome in words to repeat to the resident, and the
 * confirmation of the latest approved payment.
 */
export function PaymentPanel({
  caseId,
  caseNumber,
}: {
  caseId: string;
  caseNumber: string | null;
}) {
  const { t, i18n } = useTranslation();
  const money = moneyLocale(i18n.language);
  const headingId = useId();
  const { data: payments, error: loadError } = useCasePaymentsQuery(caseId);
  const { data: terminal, error: terminalError } = useTerminalStateQuery();
  const [startPayment, { isLoading: starting }] = useStartPaymentMutation();
  const [cancelPayment, { isLoading: cancelling }] = useCancelPaymentMutation();
  const [method, setMethod] = useState<PaymentMethod>('card');
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [amount, setAmount] = useState<{ forDue: number | null; text: string }>({
    forDue: null,
    text: '',
  });
  const [amountError, setAmountError] = useState<string | null>(null);
  const [reversing, setReversing] = useState<string | null>(null);
  /** The payment whose reversal this panel asked for: back to approved = the terminal refused. */
  const [reversalAsked, setReversalAsked] = useState<string | null>(null);
  const amountId = useId();
  const amountHintId = useId();
  const resultRef = useRef<HTMLParagraphElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  const list = payments?.payments ?? [];
  const dueGrosze = payments?.dueGrosze ?? null;

  // The amount starts as all that is due, and again after each payment (the rest).
  if (dueGrosze !== null && amount.forDue !== dueGrosze) {
    setAmount({ forDue: dueGrosze, text: formatMoney(dueGrosze, money) });
    setAmountError(null);
  }
  const amountText = amount.text;
  // The payment this panel started, else one still running (the case reopened mid-payment).
  const current: PaymentRecord | null =
    list.find((payment) => payment.paymentId === currentId) ?? list.find(isRunning) ?? null;
  const running = current !== null && isRunning(current);
  const reversalRefused =
    current !== null && current.paymentId === reversalAsked && current.status === 'approved';
  const result = current
    ? reversalRefused
      ? current.resultText
      : resultText(t, current, money)
    : null;
  const approved = latestApproved(list);
  const settledPayments = list.filter((payment) =>
    ['approved', 'reversing', 'reversed'].includes(payment.status),
  );
  const tone = current ? (reversalRefused ? 'unknown' : outcomeTone(current.status)) : null;

  // The keyboard follows the payment the clerk started here: the start button goes away while
  // it runs, so the focus moves to the cancel button (or the live status), then to the outcome,
  // which is read out and from where Tab reaches the confirmation's print button.
  const following = useRef(false);
  const stage = current
    ? `${current.paymentId}:${running ? `running:${String(current.cancellable)}` : current.status}`
    : null;
  useEffect(() => {
    if (!stage || !following.current) return;
    if (running) (cancelRef.current ?? statusRef.current)?.focus();
    else {
      resultRef.current?.focus();
      following.current = false;
    }
  }, [stage, running]);

  async function onStart(event: FormEvent) {
    event.preventDefault();
    if (!payments || starting || running) return;
    setFailure(null);
    setReversalAsked(null);
    following.current = panelRef.current?.contains(document.activeElement) ?? false;
    if (terminal && terminal.connection !== 'connected') {
      setFailure(terminalText(t, terminal));
      return;
    }
    const amountGrosze = parseMoney(amountText);
    if (amountGrosze === null || amountGrosze === 0) {
      setAmountError(t('payments.panel.amountInvalid'));
      return;
    }
    if (amountGrosze > payments.dueGrosze) {
      setAmountError(
        t('payments.panel.amountTooHigh', { due: formatMoney(payments.dueGrosze, money) }),
      );
      return;
    }
    setAmountError(null);
    try {
      const record = await startPayment({ caseId, method, amountGrosze }).unwrap();
      setCurrentId(record.paymentId);
    } catch (error) {
      setFailure(paymentsErrorText(t, error as IpcError));
    }
  }

  async function onCancel() {
    if (!current) return;
    setFailure(null);
    try {
      await cancelPayment(current.paymentId).unwrap();
    } catch (error) {
      setFailure(paymentsErrorText(t, error as IpcError));
    }
  }

  if (loadError) {
    return (
      <section className="payment-panel" data-testid="payment-panel" aria-labelledby={headingId}>
        <h4 id={headingId}>{t('payments.panel.heading')}</h4>
        {(loadError as IpcError).code === 'unknown-case' ? (
          <p className="case-hint" data-testid="payment-not-here">
            {t('payments.panel.notHere')}
          </p>
        ) : (
          <p role="alert" className="error" data-testid="payment-error">
            {paymentsErrorText(t, loadError as IpcError)}
          </p>
        )}
      </section>
    );
  }
  if (!payments) {
    return (
      <p aria-busy="true" data-testid="payment-panel-loading">
        {t('payments.panel.loading')}
      </p>
    );
  }

  const canTakeMore = payments.dueGrosze > 0 && !running;
  const terminalReady = terminal?.connection === 'connected';

  return (
    <section
      ref={panelRef}
      className="payment-panel"
      aria-labelledby={headingId}
      data-testid="payment-panel"
    >
      <h4 id={headingId}>{t('payments.panel.heading')}</h4>
      <p className={`payment-case-state payment-case-state-${payments.state}`}>
        <span className="payment-label">{t('payments.caseState.label')}: </span>
        <strong data-testid="case-payment-state" data-state={payments.state}>
          {caseStateText(t, payments, money)}
        </strong>
      </p>

      {/* The terminal matters only while something is to be taken or is being taken. */}
      {payments.state === 'free' || !(canTakeMore || running) ? null : (
        <>
          <p
            className={`payment-terminal payment-terminal-${terminal?.connection ?? 'unknown'}`}
            data-testid="payment-terminal-state"
            data-connection={terminal?.connection ?? 'unknown'}
            aria-live="polite"
          >
            <span className="payment-label">{t('payments.terminal.label')}: </span>
            {terminalError ? t('payments.terminal.unknown') : terminalText(t, terminal)}
            {terminal?.terminalId
              ? ` · ${t('payments.terminal.id', { id: terminal.terminalId })}`
              : ''}
          </p>

          {canTakeMore ? (
            <form className="payment-form" onSubmit={(event) => void onStart(event)}>
              <p className="payment-due">
                {t('payments.panel.due')}:{' '}
                <strong data-testid="payment-due">{formatMoney(payments.dueGrosze, money)}</strong>
              </p>
              <fieldset className="choice-list payment-methods">
                <legend>{t('payments.panel.method')}</legend>
                {METHODS.map((option) => (
                  <label key={option} className="choice">
                    <input
                      type="radio"
                      name={`payment-method-${caseId}`}
                      value={option}
                      checked={method === option}
                      onChange={() => setMethod(option)}
                      data-testid={`payment-method-${option}`}
                    />
                    {t(`payments.panel.${option}`)}
                  </label>
                ))}
              </fieldset>
              <label htmlFor={amountId}>{t('payments.panel.amount')}</label>
              <input
                id={amountId}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={amountText}
                aria-describedby={amountHintId}
                aria-invalid={amountError !== null}
                onChange={(event) => setAmount({ forDue: dueGrosze, text: event.target.value })}
                data-testid="payment-amount"
              />
              <p id={amountHintId} className="case-hint">
                {amountError ? (
                  <span role="alert" className="error" data-testid="payment-amount-error">
                    {amountError}
                  </span>
                ) : (
                  t('payments.panel.amountHint')
                )}
              </p>
              <button
                type="submit"
                className="action action-primary"
                aria-disabled={starting || !terminalReady}
                data-testid="payment-start"
              >
                {starting
                  ? t('payments.panel.starting')
                  : list.some((payment) => payment.status === 'approved')
                    ? t('payments.panel.newPayment')
                    : t('payments.panel.start')}
              </button>
            </form>
          ) : null}
        </>
      )}

      {running && current ? (
        <div className="payment-live">
          <p
            ref={statusRef}
            tabIndex={-1}
            className="payment-status"
            role="status"
            aria-live="polite"
            data-testid="payment-status"
            data-status={current.status}
            data-prompt={current.prompt ?? ''}
          >
            <span className="payment-label">{t('payments.status.label')}: </span>
            <strong>{liveStatusText(t, current)}</strong>
          </p>
          {current.cancellable ? (
            <button
              ref={cancelRef}
              type="button"
              className="action"
              aria-disabled={cancelling}
              onClick={() => void onCancel()}
              data-testid="payment-cancel"
            >
              {cancelling ? t('payments.panel.cancelling') : t('payments.panel.cancel')}
            </button>
          ) : null}
        </div>
      ) : null}

      {current && result ? (
        <div className={`payment-result payment-result-${tone ?? 'unknown'}`}>
          <p
            ref={resultRef}
            tabIndex={-1}
            role={tone === 'paid' ? 'status' : 'alert'}
            data-testid="payment-result"
            data-status={current.status}
          >
            {result}
          </p>
        </div>
      ) : null}

      {failure ? (
        <p role="alert" className="error" data-testid="payment-error">
          {failure}
        </p>
      ) : null}

      {settledPayments.length > 0 ? (
        <section aria-label={t('payments.panel.history')} data-testid="case-payment-list">
          <h5>{t('payments.panel.history')}</h5>
          <ul className="payment-list">
            {settledPayments.map((payment) => (
              <li key={payment.paymentId} data-testid="case-payment" data-status={payment.status}>
                <span>
                  {t('payments.panel.paymentLine', {
                    amount: formatMoney(payment.amountGrosze, money),
                    method:
                      payment.method === 'blik'
                        ? t('payments.panel.blik')
                        : `${t('payments.confirmation.card')} ${payment.maskedPan ?? ''}`.trim(),
                    when: formatDateTime(payment.finishedAt ?? payment.startedAt, i18n.language),
                  })}
                  {' · '}
                  <span data-testid="case-payment-line-state">
                    {t(
                      `payments.panel.line.${payment.status as 'approved' | 'reversing' | 'reversed'}`,
                    )}
                  </span>
                </span>
                {payment.status === 'approved' && !running && reversing === null ? (
                  <button
                    type="button"
                    className="action"
                    onClick={() => {
                      setFailure(null);
                      setReversing(payment.paymentId);
                    }}
                    data-testid="payment-reverse-open"
                  >
                    {t('payments.reversal.action')}
                  </button>
                ) : null}
                {reversing === payment.paymentId ? (
                  <ReversePaymentForm
                    payment={payment}
                    onClose={() => setReversing(null)}
                    onStarted={(record) => {
                      following.current = true;
                      setReversing(null);
                      setReversalAsked(record.paymentId);
                      setCurrentId(record.paymentId);
                    }}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {current?.status === 'reversed' ? (
        <PaymentConfirmation payment={current} caseNumber={caseNumber} />
      ) : approved ? (
        <PaymentConfirmation payment={approved} caseNumber={caseNumber} />
      ) : null}
    </section>
  );
}
