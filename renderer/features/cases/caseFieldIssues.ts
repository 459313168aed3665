import { createContext, useContext } from 'react';
import { fieldDomId, fieldErrorId, type FormIssue } from './caseIssues';

/** The problems the form shows now, by path: empty until the clerk first tries to submit. */
export const CaseIssuesContext = createContext<ReadonlyMap<string, FormIssue>>(new Map());

export type FieldA11y = {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
};

/**
 * The problem at a field, and the attributes that tie its input to it: the id the summary's
 * link jumps to, aria-invalid, and aria-describedby naming the hint and the message.
 */
export function useFieldIssue(
  path: string,
  hintId?: string,
): { issue: FormIssue | undefined; a11y: FieldA11y } {
  const issue = useContext(CaseIssuesContext).get(path);
  const describedBy = [hintId, issue ? fieldErrorId(path) : undefined].filter(Boolean).join(' ');
  return {
    issue,
    a11y: {
      id: fieldDomId(path),
      'aria-invalid': issue ? true : undefined,
      'aria-describedby': describedBy === '' ? undefined : describedBy,
    },
  };
}
