import type { InputHTMLAttributes, ReactNode } from 'react';
import { useFormContext, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CaseDraftData } from '../../../common/contract';
import { useFieldIssue } from './caseFieldIssues';
import { fieldDomId } from './caseIssues';
import { FieldError } from './FieldError';

/**
 * One text input of the case form: its label, an optional hint under it (announced with the
 * field), and its problem once there is one. `optional` says so in the label: every other
 * field is needed to submit.
 */
export function TextField({
  path,
  label,
  hint,
  hintLive = false,
  optional = false,
  ...input
}: {
  path: Path<CaseDraftData>;
  label: string;
  hint?: ReactNode;
  /** The hint changes as the clerk types (the PESEL's birth date): read it out politely. */
  hintLive?: boolean;
  optional?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name'>) {
  const { t } = useTranslation();
  const { register } = useFormContext<CaseDraftData>();
  const hintId = hint ? `${fieldDomId(path)}-hint` : undefined;
  const { issue, a11y } = useFieldIssue(path, hintId);
  return (
    <div className={issue ? 'case-field case-field-invalid' : 'case-field'}>
      <label htmlFor={a11y.id}>
        {label}
        {optional ? <span className="case-optional"> ({t('cases.form.optional')})</span> : null}
      </label>
      <input
        type="text"
        {...input}
        {...register(path)}
        {...a11y}
        aria-required={optional ? undefined : true}
        data-testid={`case-field-${path}`}
      />
      {hint ? (
        <div id={hintId} className="case-hint" aria-live={hintLive ? 'polite' : undefined}>
          {hint}
        </div>
      ) : null}
      <FieldError path={path} issue={issue} />
    </div>
  );
}
