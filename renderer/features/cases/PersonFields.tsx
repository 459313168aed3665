import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type CaseDraftData } from '../../../common/contract';
import { identityDocumentTypeSchema } from '../../../common/contract/central/cases';
import { useFieldIssue } from './caseFieldIssues';
import { PeselInfo } from './PeselInfo';
import { TextField } from './TextField';

/**
 * Who a person is: a PESEL (its birth date and sex shown, not retyped), or for someone without
 * one an identity document; then the name. The applicant and the representative share it.
 */
export function PersonFields({ prefix }: { prefix: 'applicant' | 'representative' }) {
  const { t } = useTranslation();
  const { register, control } = useFormContext<CaseDraftData>();
  const identityKind = useWatch({ control, name: `${prefix}.identityKind` });
  const pesel = useWatch({ control, name: `${prefix}.pesel` });
  const documentType = useFieldIssue(`${prefix}.documentType`);
  return (
    <>
      <fieldset className="case-identity">
        <legend>{t('cases.person.identity')}</legend>
        <label className="case-choice">
          <input
            type="radio"
            value="pesel"
            {...register(`${prefix}.identityKind`)}
            data-testid={`case-${prefix}-by-pesel`}
          />
          {t('cases.person.byPesel')}
        </label>
        <label className="case-choice">
          <input
            type="radio"
            value="document"
            {...register(`${prefix}.identityKind`)}
            data-testid={`case-${prefix}-by-document`}
          />
          {t('cases.person.byDocument')}
        </label>
      </fieldset>
      {identityKind === 'document' ? (
        <div className="case-row">
          <div className="case-field">
            <label htmlFor={documentType.a11y.id}>{t('cases.person.documentType')}</label>
            <select
              {...register(`${prefix}.documentType`)}
              {...documentType.a11y}
              data-testid={`case-field-${prefix}.documentType`}
            >
              {identityDocumentTypeSchema.options.map((type) => (
                <option key={type} value={type}>
                  {t(`cases.person.documentTypes.${type}`)}
                </option>
              ))}
            </select>
          </div>
          <TextField
            path={`${prefix}.documentNumber`}
            label={t('cases.person.documentNumber')}
            maxLength={30}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
      ) : (
        <TextField
          path={`${prefix}.pesel`}
          label={t('cases.person.pesel')}
          inputMode="numeric"
          maxLength={11}
          autoComplete="off"
          spellCheck={false}
          className="case-input-pesel"
          hint={<PeselInfo value={pesel} path={`${prefix}.pesel`} />}
          hintLive
        />
      )}
      <div className="case-row">
        <TextField
          path={`${prefix}.firstName`}
          label={t('cases.person.firstName')}
          maxLength={100}
          autoComplete="off"
        />
        <TextField
          path={`${prefix}.lastName`}
          label={t('cases.person.lastName')}
          maxLength={100}
          autoComplete="off"
        />
      </div>
    </>
  );
}
