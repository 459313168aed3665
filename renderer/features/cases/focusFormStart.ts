import { fieldDomId } from './caseIssues';

/**
 * Puts the focus where the clerk starts typing: the case type when none is chosen yet (a
 * ticket without the Resident Assistant's checklist), else the applicant's PESEL.
 */
export function focusFormStart(): void {
  const caseType = document.getElementById(fieldDomId('caseTypeId'));
  const start =
    caseType instanceof HTMLInputElement && caseType.value === ''
      ? caseType
      : (document.getElementById(fieldDomId('applicant.pesel')) ??
        document.getElementById(fieldDomId('applicant.documentNumber')) ??
        caseType);
  start?.focus();
}
