import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError, PaymentRecord } from '../../../common/contract';
import { formatMoney } from '../../../common/domain/money';
import { formatDateTime, moneyLocale } from '../cases/caseFormat';
import { FormActions } from './FormActions';
import { paymentsErrorText } from './paymentMessages';
import { useReconciliationQuery, useSettlePaymentMutation } from './paymentsApi';
import { isReasonTooShort, WrittenReasonField } from './WrittenReasonField';

type Outcome = 'approved' | 'not-charged';

/**
 * Payments whose fate the app could not decide, until a clerk settles each by hand after
 * checking the terminal's printout: what the terminal shows, and a note of what was checked.
 */
export function ReconciliationList() {
  const { t } = useTranslation();
  const headingId = useId();
  const { data: payments, error } = useReconciliationQuery();
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  return (
    <section
      className="payment-reconciliation"
      aria-labelledby={headingId}
      data-testid="payment-reconciliation"
    >
      <h3 id={headingId}>{t('payments.reconciliation.heading')}</h3>
      {error ? (
        <p role="alert" className="error">
          {paymentsErrorText(t, error as IpcError)}
        </p>
      ) : !payments ? (
        <p aria-busy="true">{t('payments.panel.loading')}</p>
      ) : payments.length === 0 ? (
        <p data-testid="payment-reconciliation-empty">
          {done ? `${t('payments.reconciliation.settled')} ` : ''}
          {t('payments.reconciliation.empty')}
        </p>
      ) : (
        <>
          <p className="case-hint">{t('payments.reconciliation.intro')}</p>
          <ul>
            {payments.map((payment) => (
              <li key={payment.paymentId} data-testid={`payment-reconcile-${payment.paymentId}`}>
                <PaymentLine payment={payment} />
                {open === payment.paymentId ? (
                  <SettleForm
                    payment={payment}
                    onClose={() => setOpen(null)}
                    onSettled={() => {
                      setOpen(null);
                      setDone(true);
                    }}
                  />
                ) : (
                  <button
                    type="button"
                    className="action"
                    onClick={() => setOpen(payment.paymentId)}
                    data-testid="payment-settle-open"
                  >
                    {t('payments.reconciliation.settle')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function PaymentLine({ payment }: { payment: PaymentRecord }) {
  const { t, i18n } = useTranslation();
  return (
    <p>
      {t('payments.reconciliation.payment', {
        amount: formatMoney(payment.amountGrosze, moneyLocale(i18n.language)),
        method:
          payment.method === 'blik'
            ? t('payments.panel.blik')
            : `${t('payments.confirmation.card')} ${payment.maskedPan ?? ''}`.trim(),
        when: formatDateTime(payment.startedAt, i18n.language),
        caseNumber: payment.caseNumber ?? t('payments.reconciliation.noCase'),
      })}
      {payment.traceNumber
        ? ` · ${t('payments.reconciliation.trace', { trace: payment.traceNumber })}`
        : ''}
    </p>
  );
}

function SettleForm({
  payment,
  onClose,
  onSettled,
}: {
  payment: PaymentRecord;
  onClose: () => void;
  onSettled: () => void;
}) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome>('not-charged');
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [settle, { isLoading }] = useSettlePaymentMutation();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (isLoading) return;
    if (isReasonTooShort(note)) {
      setFailure(t('payments.reconciliation.noteRequired'));
      return;
    }
    setFailure(null);
    try {
      await settle({ paymentId: payment.paymentId, outcome, note: note.trim() }).unwrap();
      onSettled();
    } catch (error) {
      setFailure(paymentsErrorText(t, error as IpcError));
    }
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} data-testid="payment-settle-form">
      <fieldset className="choice-list">
        <legend>{t('payments.reconciliation.outcome')}</legend>
        {(['approved', 'not-charged'] as const).map((option) => (
          <label key={option} className="choice">
            <input
              type="radio"
              name={`settle-${payment.paymentId}`}
              checked={outcome === option}
              onChange={() => setOutcome(option)}
              data-testid={`payment-settle-${option}`}
              data-autofocus={option === outcome ? '' : undefined}
            />
            {option === 'approved'
              ? t('payments.reconciliation.approved')
              : t('payments.reconciliation.notCharged')}
          </label>
        ))}
      </fieldset>
      <WrittenReasonField
        label={t('payments.reconciliation.note')}
        value={note}
        onChange={setNote}
        failure={failure}
        testId="payment-settle-note"
        errorTestId="payment-settle-error"
      />
      <FormActions
        back={t('payments.reconciliation.cancel')}
        onBack={onClose}
        submit={t('payments.reconciliation.save')}
        busy={isLoading}
        busyLabel={t('payments.reconciliation.saving')}
        submitTestId="payment-settle-save"
      />
    </form>
  );
}
