import { useTranslation } from 'react-i18next';
import { fieldErrorId, type FormIssue } from './caseIssues';
import { issueMessage } from './caseMessages';

/** The message under a field with a problem; its id is in the field's aria-describedby. */
export function FieldError({ path, issue }: { path: string; issue: FormIssue | undefined }) {
  const { t } = useTranslation();
  if (!issue) return null;
  return (
    <p id={fieldErrorId(path)} className="case-field-error" data-testid={`case-error-${path}`}>
      {issueMessage(t, issue)}
    </p>
  );
}
