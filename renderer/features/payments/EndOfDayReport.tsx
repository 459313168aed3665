import { useTranslation } from 'react-i18next';
import type {
  EndOfDayReport as Report,
  MethodTotals,
} from '../../../common/contract/central/payments';
import { formatMoney } from '../../../common/domain/money';
import { formatDateTime, moneyLocale } from '../cases/caseFormat';

/**
 * The end of day as run: the terminal's totals beside this counter's journal per method, and
 * each difference transaction by transaction, for the clerk to hand to the supervisor.
 */
export function EndOfDayReport({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const money = (grosze: number | null) =>
    grosze === null ? '—' : formatMoney(grosze, moneyLocale(i18n.language));
  const methods = [
    ...new Set([...report.terminal, ...report.journal].map((totals) => totals.method)),
  ];
  const cell = (totals: readonly MethodTotals[], method: string) => {
    const found = totals.find((entry) => entry.method === method);
    return found
      ? `${money(found.totalGrosze)} (${t('payments.endOfDay.count', { count: found.count })})`
      : '—';
  };

  return (
    <div className="payment-report" data-testid="payment-eod-report">
      <p
        role={report.balanced ? 'status' : 'alert'}
        className={report.balanced ? 'payment-report-balanced' : 'payment-report-unbalanced'}
        data-testid="payment-eod-balanced"
        data-balanced={String(report.balanced)}
      >
        {report.balanced ? t('payments.endOfDay.balanced') : t('payments.endOfDay.unbalanced')}
      </p>
      <p className="case-hint">
        {t('payments.endOfDay.ranAt', { when: formatDateTime(report.ranAt, i18n.language) })}
      </p>
      <table data-testid="payment-eod-totals">
        <thead>
          <tr>
            <th scope="col">{t('payments.endOfDay.method')}</th>
            <th scope="col">{t('payments.endOfDay.terminal')}</th>
            <th scope="col">{t('payments.endOfDay.journal')}</th>
          </tr>
        </thead>
        <tbody>
          {methods.map((method) => (
            <tr key={method}>
              <th scope="row">{t(`payments.panel.${method}`)}</th>
              <td>{cell(report.terminal, method)}</td>
              <td>{cell(report.journal, method)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>{t('payments.endOfDay.differences')}</h4>
      {report.differences.length === 0 ? (
        <p>{t('payments.endOfDay.noDifferences')}</p>
      ) : (
        <table data-testid="payment-eod-differences">
          <thead>
            <tr>
              <th scope="col">{t('payments.endOfDay.differences')}</th>
              <th scope="col">{t('payments.endOfDay.method')}</th>
              <th scope="col">{t('payments.endOfDay.trace')}</th>
              <th scope="col">{t('payments.endOfDay.journal')}</th>
              <th scope="col">{t('payments.endOfDay.terminal')}</th>
              <th scope="col">{t('payments.endOfDay.note')}</th>
            </tr>
          </thead>
          <tbody>
            {report.differences.map((difference, index) => (
              <tr key={`${difference.paymentId ?? difference.traceNumber ?? ''}-${index}`}>
                <td>{t(`payments.endOfDay.kind.${difference.kind}`)}</td>
                <td>{t(`payments.panel.${difference.method}`)}</td>
                <td>{difference.traceNumber ?? '—'}</td>
                <td>{money(difference.journalGrosze)}</td>
                <td>{money(difference.terminalGrosze)}</td>
                <td>{difference.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
