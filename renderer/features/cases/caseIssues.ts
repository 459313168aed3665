import {
  caseIssueCodeSchema,
  type CaseIssue,
  type CaseIssueCode,
  type IpcError,
} from '../../../common/contract';

/**
 * A problem shown at a field of the form: one of the validator's stable codes, or `invalid`
 * for a message main sent that the window does not know (a newer main, say).
 */
export type FormIssue = { path: string; code: CaseIssueCode | 'invalid' };

/**
 * The DOM id of the input an issue path names (`applicant.pesel` → `case-applicant.pesel`):
 * the summary's links jump there and the field's message hangs off it. The path is kept whole
 * (ids may hold dots), so two paths never share an input.
 */
export function fieldDomId(path: string): string {
  return `case-${path}`;
}

/** The id of the message under a field, for its aria-describedby. */
export function fieldErrorId(path: string): string {
  return `${fieldDomId(path)}-error`;
}

/** The validator's issues as the form shows them. */
export function formIssues(issues: readonly CaseIssue[]): FormIssue[] {
  return issues.map(({ path, code }) => ({ path, code }));
}

/**
 * `cases:submit` refused with `invalid-case`: its issues carry the validator's code as the
 * message ([{path, message: code}]). Anything else main refused for has no field to show at.
 */
export function issuesFromSubmitError(error: IpcError): FormIssue[] | null {
  if (error.code !== 'invalid-case' || !error.issues) return null;
  return error.issues.map(({ path, message }) => {
    const code = caseIssueCodeSchema.safeParse(message);
    return { path, code: code.success ? code.data : 'invalid' };
  });
}

/** The first issue at each path, for the field to show. */
export function issuesByPath(issues: readonly FormIssue[]): ReadonlyMap<string, FormIssue> {
  const byPath = new Map<string, FormIssue>();
  for (const issue of issues) if (!byPath.has(issue.path)) byPath.set(issue.path, issue);
  return byPath;
}

/** Moves the focus to the field an issue names; false when the form shows no such field. */
export function focusField(path: string): boolean {
  const field = document.getElementById(fieldDomId(path));
  if (!field) return false;
  field.focus();
  field.scrollIntoView?.({ block: 'center' });
  return true;
}
