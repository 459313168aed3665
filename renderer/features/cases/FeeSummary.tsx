import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CaseDraftData } from '../../../common/contract';
import type { CaseType } from '../../../common/contract/central/reference';
import { computeCaseFee } from '../../../common/domain/caseFee';
import { formatMoney } from '../../../common/domain/money';
import { useDraftConditions } from './caseDraftWatch';
import { moneyLocale } from './caseFormat';

/**
 * The fee as the form stands, line by line and in total, marked "to pay": it follows the
 * circumstances (a power of attorney brings its stamp duty) and the exemption as they change.
 * Taking the payment is a later step.
 */
export function FeeSummary({ caseType }: { caseType: CaseType }) {
  const { t, i18n } = useTranslation();
  const { control } = useFormContext<CaseDraftData>();
  const conditions = useDraftConditions(control);
  const chosen = useWatch({ control, name: 'exemptionId' });
  const exemption = caseType.exemptions.find((candidate) => candidate.id === chosen) ?? null;
  const fee = computeCaseFee({ caseType, conditions, exemptionId: exemption?.id ?? null });
  const money = (grosze: number) => formatMoney(grosze, moneyLocale(i18n.language));

  if (fee.lines.length === 0) return <p data-testid="case-fee-free">{t('cases.fee.free')}</p>;
  return (
    <div className="case-fee" data-testid="case-fee">
      <table>
        <tbody>
          {fee.lines.map((line) => (
            <tr key={line.kind === 'case' ? 'case' : line.documentId}>
              <th scope="row">
                {line.kind === 'document'
                  ? line.name
                  : exemption
                    ? t('cases.fee.caseFeeExempt', { name: exemption.name })
                    : t('cases.fee.caseFee')}
              </th>
              <td>{money(line.grosze)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">
              {t('cases.fee.total')} <span className="case-to-pay">{t('cases.fee.toPay')}</span>
            </th>
            <td data-testid="case-fee-total">{money(fee.totalGrosze)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="case-hint">{t('cases.fee.paymentLater')}</p>
    </div>
  );
}
