import { z } from 'zod';
import {
  applicableDocuments,
  REPRESENTATIVE_CONDITION_ID,
  type ChecklistState,
} from '../domain/caseChecklist';
import { computeCaseFee } from '../domain/caseFee';
import { isCivilDate } from '../domain/civilDate';
import { validatePesel } from '../domain/pesel';
import { normalizePostalCode } from '../domain/postalCode';
import type { CaseType } from './central/reference';
import {
  caseAddressSchema,
  caseApplicantIdentitySchema,
  identityDocumentTypeSchema,
  type CaseApplicantIdentity,
  type CaseRegistration,
} from './central/cases';
import { checklistDocumentStateSchema } from './central/queue';

/**
 * A case as the clerk is typing it: every field a string as typed (a half-typed PESEL, a
 * postal code without its dash), bounded only in length. It is saved to SQLite on every
 * change, so it must accept anything a person can type; `validateCaseDraft` decides at
 * submit whether it is a case.
 */

const id = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lowercase id: letters, digits, . _ -');
const typed = (max: number) => z.string().max(max).default('');

export const identityKindSchema = z.enum(['pesel', 'document']);

const personDraftSchema = z.object({
  identityKind: identityKindSchema.default('pesel'),
  pesel: typed(20),
  documentType: identityDocumentTypeSchema.default('id-card'),
  documentNumber: typed(40),
  firstName: typed(100),
  lastName: typed(100),
});

export const caseDraftDataSchema = z.strictObject({
  caseTypeId: id.nullable().default(null),
  /** The queue ticket being served when the case was opened. */
  ticket: z
    .strictObject({ ticketId: z.uuid(), number: z.string().regex(/^[A-Z]{1,2}\d{1,4}$/) })
    .nullable()
    .default(null),
  applicant: personDraftSchema
    .extend({
      street: typed(120),
      postalCode: typed(20),
      city: typed(100),
      phone: typed(30),
      email: typed(120),
    })
    .strict()
    .prefault({}),
  /** Someone acts for the applicant: `acting` opens the section and sets the condition. */
  representative: personDraftSchema
    .extend({ acting: z.boolean().default(false) })
    .strict()
    .prefault({}),
  /** The ids of the case type's conditions the clerk marked as holding. */
  conditions: z.array(id).max(50).default([]),
  documents: z.record(id, checklistDocumentStateSchema).default({}),
  exemptionId: id.nullable().default(null),
  /** The case type's own fields as typed (a choice by its text, a yes/no as a boolean). */
  fields: z.record(id, z.union([z.string().max(500), z.boolean()])).default({}),
  notes: typed(2000),
});
export type CaseDraftData = z.output<typeof caseDraftDataSchema>;
export type CaseDraftInput = z.input<typeof caseDraftDataSchema>;

export function emptyCaseDraft(): CaseDraftData {
  return caseDraftDataSchema.parse({});
}

/**
 * Why a draft is not yet a case, per field. `path` names the form's field (`applicant.pesel`,
 * `documents.fotografia`, `fields.powod`); `code` is a stable key the window translates.
 */
export const caseIssueCodeSchema = z.enum([
  'case-type-required',
  'case-type-unknown',
  'required',
  'too-short',
  'pesel-format',
  'pesel-checksum',
  'pesel-date',
  'postal-code',
  'phone',
  'email',
  'document-unmarked',
  'number',
  'date',
  'choice',
  'exemption-unknown',
]);
export type CaseIssueCode = z.infer<typeof caseIssueCodeSchema>;
export type CaseIssue = { path: string; code: CaseIssueCode };

/** The parts of a registration the form decides; the PC adds who, where and when at submit. */
export type ValidatedCase = Omit<
  CaseRegistration,
  'caseId' | 'siteId' | 'counterNumber' | 'clerkLogin' | 'submittedAt'
>;

export type CaseDraftValidation =
  { ok: true; value: ValidatedCase } | { ok: false; issues: CaseIssue[] };

const PESEL_CODES = {
  format: 'pesel-format',
  checksum: 'pesel-checksum',
  date: 'pesel-date',
} as const satisfies Record<string, CaseIssueCode>;

function identityOf(
  person: CaseDraftData['applicant'] | CaseDraftData['representative'],
  prefix: string,
  issues: CaseIssue[],
): CaseApplicantIdentity | null {
  const candidate =
    person.identityKind === 'pesel'
      ? { kind: 'pesel' as const, pesel: person.pesel.trim() }
      : {
          kind: 'document' as const,
          documentType: person.documentType,
          documentNumber: person.documentNumber.trim().toUpperCase(),
        };
  const parsed = caseApplicantIdentitySchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  if (candidate.kind === 'pesel') {
    const checked = validatePesel(candidate.pesel);
    issues.push({
      path: `${prefix}.pesel`,
      code:
        candidate.pesel === '' ? 'required' : PESEL_CODES[checked.ok ? 'format' : checked.reason],
    });
  } else {
    issues.push({
      path: `${prefix}.documentNumber`,
      code: candidate.documentNumber === '' ? 'required' : 'too-short',
    });
  }
  return null;
}

function requiredText(value: string, path: string, issues: CaseIssue[]): string {
  const trimmed = value.trim();
  if (trimmed === '') issues.push({ path, code: 'required' });
  return trimmed;
}

function fieldValue(
  field: CaseType['formFields'][number],
  raw: string | boolean | undefined,
  issues: CaseIssue[],
): string | number | boolean | undefined {
  const path = `fields.${field.id}`;
  if (field.kind === 'boolean') {
    if (raw === undefined && field.required) issues.push({ path, code: 'required' });
    return raw === undefined ? (field.required ? undefined : false) : raw === true;
  }
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') {
    if (field.required) issues.push({ path, code: 'required' });
    return undefined;
  }
  switch (field.kind) {
    case 'number': {
      // Digits with an optional decimal comma or point, as a Polish clerk types them; not
      // whatever Number() accepts (`0x10`, `1e3`, `Infinity`).
      if (!/^-?\d+(?:[.,]\d+)?$/.test(text)) {
        issues.push({ path, code: 'number' });
        return text;
      }
      return Number(text.replace(',', '.'));
    }
    case 'date':
      if (!isCivilDate(text)) issues.push({ path, code: 'date' });
      return text;
    case 'choice':
      if (!(field.choices ?? []).includes(text)) issues.push({ path, code: 'choice' });
      return text;
    default:
      return text;
  }
}

/**
 * Checks a draft as a whole against its case type and lists every problem at its field, in the
 * form's order; or gives the case as it will be registered. The same function runs in the
 * window (as the clerk types) and in main (at submit, where it decides).
 */
export function validateCaseDraft(
  draft: CaseDraftData,
  caseTypes: readonly CaseType[],
): CaseDraftValidation {
  const issues: CaseIssue[] = [];
  if (draft.caseTypeId === null) {
    return { ok: false, issues: [{ path: 'caseTypeId', code: 'case-type-required' }] };
  }
  const caseType = caseTypes.find((candidate) => candidate.id === draft.caseTypeId);
  if (!caseType) return { ok: false, issues: [{ path: 'caseTypeId', code: 'case-type-unknown' }] };

  const { applicant, representative } = draft;
  const identity = identityOf(applicant, 'applicant', issues);
  const firstName = requiredText(applicant.firstName, 'applicant.firstName', issues);
  const lastName = requiredText(applicant.lastName, 'applicant.lastName', issues);
  const street = requiredText(applicant.street, 'applicant.street', issues);
  const postalCode = normalizePostalCode(applicant.postalCode);
  if (postalCode === '') issues.push({ path: 'applicant.postalCode', code: 'required' });
  else if (!caseAddressSchema.shape.postalCode.safeParse(postalCode).success) {
    issues.push({ path: 'applicant.postalCode', code: 'postal-code' });
  }
  const city = requiredText(applicant.city, 'applicant.city', issues);
  const phone = applicant.phone.trim() === '' ? null : applicant.phone.trim();
  if (phone !== null && !/^\+?[\d ]{9,15}$/.test(phone)) {
    issues.push({ path: 'applicant.phone', code: 'phone' });
  }
  const email = applicant.email.trim() === '' ? null : applicant.email.trim();
  if (email !== null && !z.email().safeParse(email).success) {
    issues.push({ path: 'applicant.email', code: 'email' });
  }

  let representativeValue: ValidatedCase['representative'] = null;
  if (representative.acting) {
    const repIdentity = identityOf(representative, 'representative', issues);
    const repFirst = requiredText(representative.firstName, 'representative.firstName', issues);
    const repLast = requiredText(representative.lastName, 'representative.lastName', issues);
    if (repIdentity) {
      representativeValue = { firstName: repFirst, lastName: repLast, identity: repIdentity };
    }
  }

  const conditions = draftConditions(draft);
  const documents: { documentId: string; state: ChecklistState }[] = [];
  for (const document of applicableDocuments(caseType.documents, conditions)) {
    const state = draft.documents[document.id];
    if (state === undefined)
      issues.push({ path: `documents.${document.id}`, code: 'document-unmarked' });
    else documents.push({ documentId: document.id, state });
  }

  let exemptionId = draft.exemptionId;
  if (exemptionId !== null && !caseType.exemptions.some((e) => e.id === exemptionId)) {
    issues.push({ path: 'exemptionId', code: 'exemption-unknown' });
    exemptionId = null;
  }

  const fields: Record<string, string | number | boolean> = {};
  for (const field of caseType.formFields) {
    const value = fieldValue(field, draft.fields[field.id], issues);
    if (value !== undefined) fields[field.id] = value;
  }

  if (issues.length > 0 || !identity) return { ok: false, issues };
  const presentConditions = [...conditions].filter((condition) =>
    caseType.documents.some((document) => document.condition?.id === condition),
  );
  return {
    ok: true,
    value: {
      caseTypeId: caseType.id,
      ticketId: draft.ticket?.ticketId ?? null,
      ticketNumber: draft.ticket?.number ?? null,
      applicant: {
        identity,
        firstName,
        lastName,
        address: { street, postalCode, city },
        phone,
        email,
      },
      representative: representativeValue,
      conditions: presentConditions,
      documents,
      exemptionId,
      feeGrosze: computeCaseFee({ caseType, conditions, exemptionId }).totalGrosze,
      fields,
      notes: draft.notes.trim(),
    },
  };
}

/** The conditions that hold for a draft: the ticked ones, and the representative's. */
export function draftConditions(draft: CaseDraftData): Set<string> {
  const conditions = new Set(
    draft.conditions.filter((condition) => condition !== REPRESENTATIVE_CONDITION_ID),
  );
  if (draft.representative.acting) conditions.add(REPRESENTATIVE_CONDITION_ID);
  return conditions;
}
