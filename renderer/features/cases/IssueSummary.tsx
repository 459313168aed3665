import { useTranslation } from 'react-i18next';
import type { CaseType } from '../../../common/contract/central/reference';
import { fieldDomId, focusField, type FormIssue } from './caseIssues';
import { issueFieldLabel, issueMessage } from './caseMessages';

/**
 * What stops the case from being submitted, above the form: each problem names its field and
 * links to it (the link moves the focus into the field, not just the scroll).
 */
export function IssueSummary({
  issues,
  caseType,
}: {
  issues: readonly FormIssue[];
  caseType: CaseType | null;
}) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <div className="case-issues" role="alert" data-testid="case-issues">
      <p className="case-issues-heading">{t('cases.issues.heading')}</p>
      <ul>
        {issues.map((issue) => (
          <li key={`${issue.path}:${issue.code}`}>
            <a
              href={`#${fieldDomId(issue.path)}`}
              data-testid={`case-issue-${issue.path}`}
              onClick={(event) => {
                if (focusField(issue.path)) event.preventDefault();
              }}
            >
              {t('cases.issues.item', {
                field: issueFieldLabel(t, issue.path, caseType),
                message: issueMessage(t, issue),
              })}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
