import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError, PaymentRecord } from '../../../common/contract';
import { formatMoney } from '../../../common/domain/money';
import { moneyLocale } from '../cases/caseFormat';
import { paymentsErrorText } from './paymentMessages';
import { useReversePaymentMutation } from './paymentsApi';

/**
 * "Reverse payment (refund to the card)": the clerk confirms with a reason; the terminal reverses
 * today's payment (06 30). Its progress and outcome follow as the payment's status.
 */
export function ReversePaymentForm({
  payment,
  onClose,
  onStarted,
}: {
  payment: PaymentRecord;
  onClose: () => void;
  onStarted: (record: PaymentRecord) => void;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [reverse, { isLoading }] = useReversePaymentMutation();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (isLoading) return;
    if (reason.trim().length < 3) {
      setFailure(t('payments.reversal.reasonRequired'));
      return;
    }
    setFailure(null);
    try {
      onStarted(await reverse({ paymentId: payment.paymentId, reason: reason.trim() }).unwrap());
    } catch (error) {
      setFailure(paymentsErrorText(t, error as IpcError));
    }
  }

  return (
    <form
      className="payment-reversal"
      aria-labelledby={headingId}
      onSubmit={(event) => void onSubmit(event)}
      data-testid="payment-reverse-form"
    >
      <h5 id={headingId}>
        {t('payments.reversal.heading', {
          amount: formatMoney(payment.amountGrosze, moneyLocale(i18n.language)),
        })}
      </h5>
      <p className="case-hint">{t('payments.reversal.intro')}</p>
      <label htmlFor={reasonId}>{t('payments.reversal.reason')}</label>
      <textarea
        id={reasonId}
        value={reason}
        required
        minLength={3}
        maxLength={500}
        autoFocus
        aria-invalid={failure !== null && reason.trim().length < 3}
        onChange={(event) => setReason(event.target.value)}
        data-testid="payment-reverse-reason"
      />
      {failure ? (
        <p role="alert" className="error" data-testid="payment-reverse-error">
          {failure}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="action" onClick={onClose}>
          {t('payments.reversal.back')}
        </button>
        <button
          type="submit"
          className="action action-primary"
          aria-disabled={isLoading}
          data-testid="payment-reverse-confirm"
        >
          {isLoading ? t('payments.reversal.reversing') : t('payments.reversal.confirm')}
        </button>
      </div>
    </form>
  );
}
