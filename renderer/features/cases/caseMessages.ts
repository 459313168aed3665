import type { TFunction } from 'i18next';
import type { IpcError } from '../../../common/contract';
import type { CaseType } from '../../../common/contract/central/reference';
import type { FormIssue } from './caseIssues';

const KNOWN_ERRORS = new Set(['no-session', 'unknown-draft', 'unknown-case']);

/** A refusal of a cases channel in the clerk's words; anything else shows main's message. */
export function casesErrorText(t: TFunction, error: Pick<IpcError, 'code' | 'message'>): string {
  return KNOWN_ERRORS.has(error.code)
    ? String(t(`cases.errors.${error.code}` as never))
    : t('cases.errors.other', { message: error.message });
}

/** What is wrong with a field, from the validator's code. */
export function issueMessage(t: TFunction, issue: FormIssue): string {
  return t(`cases.issues.codes.${issue.code}`);
}

const PERSON_FIELDS: Record<string, string> = {
  pesel: 'cases.person.pesel',
  documentNumber: 'cases.person.documentNumber',
  firstName: 'cases.person.firstName',
  lastName: 'cases.person.lastName',
  street: 'cases.address.street',
  postalCode: 'cases.address.postalCode',
  city: 'cases.address.city',
  phone: 'cases.address.phone',
  email: 'cases.address.email',
};

/**
 * The name of the field an issue path points at, for the summary above the form: the
 * applicant's and the representative's fields say whose they are; a document and a case type's
 * own field go by their names in the reference data.
 */
export function issueFieldLabel(t: TFunction, path: string, caseType: CaseType | null): string {
  const [head = '', ...rest] = path.split('.');
  const tail = rest.join('.');
  switch (head) {
    case 'caseTypeId':
      return t('cases.caseType.label');
    case 'exemptionId':
      return t('cases.exemption.label');
    case 'applicant':
    case 'representative': {
      const key = PERSON_FIELDS[tail];
      const field = key ? String(t(key as never)) : tail;
      return t(`cases.issues.${head}`, { field });
    }
    case 'documents': {
      const name = caseType?.documents.find((document) => document.id === tail)?.name ?? tail;
      return t('cases.issues.document', { name });
    }
    case 'fields':
      return caseType?.formFields.find((field) => field.id === tail)?.label ?? tail;
    default:
      return path;
  }
}
