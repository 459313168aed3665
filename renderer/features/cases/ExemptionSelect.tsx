import { useController } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CaseDraftData } from '../../../common/contract';
import type { CaseType } from '../../../common/contract/central/reference';
import { useFieldIssue } from './caseFieldIssues';
import { FieldError } from './FieldError';

/** The exemption from the case's fee the applicant shows grounds for, with its legal basis. */
export function ExemptionSelect({ caseType }: { caseType: CaseType }) {
  const { t } = useTranslation();
  const { field } = useController<CaseDraftData, 'exemptionId'>({ name: 'exemptionId' });
  const basisId = 'case-exemption-basis';
  const chosen = caseType.exemptions.find((exemption) => exemption.id === field.value);
  const { issue, a11y } = useFieldIssue('exemptionId', chosen ? basisId : undefined);
  if (caseType.exemptions.length === 0) {
    return <p className="case-hint">{t('cases.exemption.noneAvailable')}</p>;
  }
  return (
    <div className={issue ? 'case-field case-field-invalid' : 'case-field'}>
      <label htmlFor={a11y.id}>{t('cases.exemption.label')}</label>
      <select
        {...a11y}
        value={field.value ?? ''}
        onChange={(event) => field.onChange(event.target.value === '' ? null : event.target.value)}
        onBlur={field.onBlur}
        data-testid="case-exemption"
      >
        <option value="">{t('cases.exemption.none')}</option>
        {caseType.exemptions.map((exemption) => (
          <option key={exemption.id} value={exemption.id}>
            {exemption.name}
          </option>
        ))}
      </select>
      {chosen && chosen.basis !== '' ? (
        <p id={basisId} className="case-hint">
          {t('cases.exemption.basis', { basis: chosen.basis })}
        </p>
      ) : null}
      <FieldError path="exemptionId" issue={issue} />
    </div>
  );
}
