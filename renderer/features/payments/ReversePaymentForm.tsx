import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IpcError, PaymentRecord } from '../../../common/contract';
import { formatMoney } from '../../../common/domain/money';
import { moneyLocale } from '../cases/caseFormat';
import { FormActions } from './FormActions';
import { paymentsErrorText } from './paymentMessages';
import { useReversePaymentMutation } from './paymentsApi';
import { isReasonTooShort, WrittenReasonField } from './WrittenReasonField';

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
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [reverse, { isLoading }] = useReversePaymentMutation();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (isLoading) return;
    if (isReasonTooShort(reason)) {
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
      <WrittenReasonField
        label={t('payments.reversal.reason')}
        value={reason}
        onChange={setReason}
        failure={failure}
        autoFocus
        testId="payment-reverse-reason"
        errorTestId="payment-reverse-error"
      />
      <FormActions
        back={t('payments.reversal.back')}
        onBack={onClose}
        submit={t('payments.reversal.confirm')}
        busy={isLoading}
        busyLabel={t('payments.reversal.reversing')}
        submitTestId="payment-reverse-confirm"
      />
    </form>
  );
}
