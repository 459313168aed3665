import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentRecord } from '../../../common/contract';
import { formatMoney } from '../../../common/domain/money';
import { formatDateTime, moneyLocale } from '../cases/caseFormat';
import { printConfirmation } from './printConfirmation';

/**
 * The resident's confirmation of an approved payment (or of its reversal: the money goes back), on screen and printable: amount, method,
 * date, authorisation code, the masked card number (or "BLIK") and the case number. No name,
 * PESEL or address: the slip may be left on the counter.
 */
export function PaymentConfirmation({
  payment,
  caseNumber,
}: {
  payment: PaymentRecord;
  caseNumber: string | null;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const section = useRef<HTMLElement>(null);
  const number = caseNumber ?? payment.caseNumber;
  const none = t('payments.confirmation.none');

  return (
    <section
      ref={section}
      className="payment-confirmation"
      aria-labelledby={headingId}
      data-testid="payment-confirmation"
    >
      <h5 id={headingId} data-testid="payment-confirmation-heading">
        {payment.status === 'reversed'
          ? t('payments.reversal.confirmationHeading')
          : t('payments.confirmation.heading')}
      </h5>
      <dl>
        <div>
          <dt>{t('payments.confirmation.amount')}</dt>
          <dd data-testid="payment-confirmation-amount">
            {formatMoney(payment.amountGrosze, moneyLocale(i18n.language))}
          </dd>
        </div>
        <div>
          <dt>{t('payments.confirmation.method')}</dt>
          <dd data-testid="payment-confirmation-method">
            {payment.method === 'blik'
              ? t('payments.panel.blik')
              : `${t('payments.confirmation.card')} ${payment.maskedPan ?? ''}`.trim()}
          </dd>
        </div>
        <div>
          <dt>{t('payments.confirmation.date')}</dt>
          <dd>{formatDateTime(payment.finishedAt ?? payment.startedAt, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('payments.confirmation.authorisationCode')}</dt>
          <dd data-testid="payment-confirmation-auth">{payment.authorisationCode ?? none}</dd>
        </div>
        <div>
          <dt>{t('payments.confirmation.caseNumber')}</dt>
          <dd data-testid="payment-confirmation-case">
            {number ?? t('payments.confirmation.caseNumberPending')}
          </dd>
        </div>
      </dl>
      <button
        type="button"
        className="action no-print"
        onClick={() => {
          if (section.current) printConfirmation(section.current);
        }}
        data-testid="payment-print"
      >
        {t('payments.confirmation.print')}
      </button>
    </section>
  );
}
