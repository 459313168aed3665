import { useController } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CaseDraftData } from '../../../common/contract';
import type { CaseType } from '../../../common/contract/central/reference';
import { useFieldIssue } from './caseFieldIssues';
import { FieldError } from './FieldError';

type FormField = CaseType['formFields'][number];

/** The case type's own fields (the reason for a new ID card, the date of an event…). */
export function CaseTypeFields({ caseType }: { caseType: CaseType }) {
  return (
    <div className="case-type-fields">
      {caseType.formFields.map((formField) => (
        <CaseTypeField key={formField.id} formField={formField} />
      ))}
    </div>
  );
}

/**
 * One field, by its kind. The whole `fields` record is the controlled value (an id may hold a
 * dot, which react-hook-form would read as nesting). Numbers are typed as text: a Polish clerk
 * types `1,5`, which a number input refuses.
 */
function CaseTypeField({ formField }: { formField: FormField }) {
  const { t } = useTranslation();
  const { field } = useController<CaseDraftData, 'fields'>({ name: 'fields' });
  const path = `fields.${formField.id}`;
  const hintId = formField.kind === 'number' ? `case-hint-${formField.id}` : undefined;
  const { issue, a11y } = useFieldIssue(path, hintId);
  const raw = field.value[formField.id];
  const set = (value: string | boolean) =>
    field.onChange({ ...field.value, [formField.id]: value });
  const common = {
    ...a11y,
    'aria-required': formField.required ? true : undefined,
    onBlur: field.onBlur,
    'data-testid': `case-field-${path}`,
  };
  const label = (
    <>
      {formField.label}
      {formField.required ? null : (
        <span className="case-optional"> ({t('cases.form.optional')})</span>
      )}
    </>
  );

  if (formField.kind === 'boolean') {
    return (
      <div className={issue ? 'case-field case-field-invalid' : 'case-field'}>
        <label className="case-choice">
          <input
            type="checkbox"
            {...common}
            checked={raw === true}
            onChange={(event) => set(event.target.checked)}
          />
          {label}
        </label>
        <FieldError path={path} issue={issue} />
      </div>
    );
  }
  const text = typeof raw === 'string' ? raw : '';
  return (
    <div className={issue ? 'case-field case-field-invalid' : 'case-field'}>
      <label htmlFor={a11y.id}>{label}</label>
      {formField.kind === 'choice' ? (
        <select {...common} value={text} onChange={(event) => set(event.target.value)}>
          <option value="">{t('cases.fields.choose')}</option>
          {(formField.choices ?? []).map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={formField.kind === 'date' ? 'date' : 'text'}
          inputMode={formField.kind === 'number' ? 'decimal' : undefined}
          maxLength={500}
          value={text}
          onChange={(event) => set(event.target.value)}
        />
      )}
      {hintId ? (
        <p id={hintId} className="case-hint">
          {t('cases.fields.numberHint')}
        </p>
      ) : null}
      <FieldError path={path} issue={issue} />
    </div>
  );
}
