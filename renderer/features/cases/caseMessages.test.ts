import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { caseIssueCodeSchema } from '../../../common/contract';
import { issueFieldLabel } from './caseMessages';
import { casesEn, casesPl } from './casesLocale';
import { identityCardCaseType } from './testCaseType';

/** A `t` over the Polish strings, enough for labels (`{{name}}` filled in). */
const t = ((key: string, values: Record<string, string> = {}) => {
  const text = key
    .replace(/^cases\./, '')
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], casesPl);
  return String(text).replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
}) as unknown as TFunction;

describe('issueFieldLabel', () => {
  it('says whose field it is: the applicant’s or the representative’s', () => {
    expect(issueFieldLabel(t, 'applicant.pesel', null)).toBe('Wnioskodawca — Numer PESEL');
    expect(issueFieldLabel(t, 'representative.lastName', null)).toBe('Pełnomocnik — Nazwisko');
  });

  it('names documents and the case type’s own fields as the reference data does', () => {
    expect(issueFieldLabel(t, 'documents.fotografia', identityCardCaseType)).toBe(
      'Dokument „Fotografia”',
    );
    expect(issueFieldLabel(t, 'fields.powod', identityCardCaseType)).toBe('Powód');
    expect(issueFieldLabel(t, 'caseTypeId', null)).toBe('Rodzaj sprawy');
  });
});

describe('issue messages', () => {
  it('has a sentence for every code the validator gives, in both languages', () => {
    for (const code of caseIssueCodeSchema.options) {
      expect(casesPl.issues.codes[code]).toMatch(/\.$/);
      expect(casesEn.issues.codes[code]).toMatch(/\.$/);
    }
  });
});
