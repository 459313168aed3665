import { describe, expect, it } from 'vitest';
import { fieldDomId, fieldErrorId, issuesByPath, issuesFromSubmitError } from './caseIssues';

describe('issuesFromSubmitError', () => {
  it('reads the validator codes main sends as messages, at their paths', () => {
    const issues = issuesFromSubmitError({
      code: 'invalid-case',
      message: 'The case is not complete',
      issues: [
        { path: 'applicant.pesel', message: 'pesel-checksum' },
        { path: 'documents.fotografia', message: 'document-unmarked' },
      ],
    });
    expect(issues).toEqual([
      { path: 'applicant.pesel', code: 'pesel-checksum' },
      { path: 'documents.fotografia', code: 'document-unmarked' },
    ]);
  });

  it('keeps an issue with a message it does not know, as a generic one', () => {
    const issues = issuesFromSubmitError({
      code: 'invalid-case',
      message: '',
      issues: [{ path: 'applicant.city', message: 'city-on-the-moon' }],
    });
    expect(issues).toEqual([{ path: 'applicant.city', code: 'invalid' }]);
  });

  it('gives nothing for a refusal that is not about fields', () => {
    expect(issuesFromSubmitError({ code: 'no-session', message: 'Log in' })).toBeNull();
  });
});

describe('field ids', () => {
  it('keeps paths apart, dots included', () => {
    expect(fieldDomId('documents.a.b')).not.toBe(fieldDomId('documents.a-b'));
    expect(fieldErrorId('applicant.pesel')).toBe('case-applicant.pesel-error');
  });
});

describe('issuesByPath', () => {
  it('shows the first problem of a field', () => {
    const byPath = issuesByPath([
      { path: 'applicant.email', code: 'email' },
      { path: 'applicant.email', code: 'required' },
    ]);
    expect(byPath.get('applicant.email')?.code).toBe('email');
  });
});
