import { z } from 'zod';
import { isPostalCode } from '../../domain/postalCode';
import { validatePesel } from '../../domain/pesel';
import { checklistDocumentStateSchema } from './queue';

/**
 * A case as a counter PC registers it with the central server (mutation `case.register`,
 * docs/sync-api.md). The PC makes the case's id; the server gives its case number
 * (`unit.JRWA.sequence.year`) when it applies the mutation, and answers it in the result.
 */

const id = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lowercase id: letters, digits, . _ -');
const name = z.string().trim().min(1, 'required').max(100);

export const identityDocumentTypeSchema = z.enum([
  'id-card',
  'passport',
  'residence-card',
  'other',
]);
export type IdentityDocumentType = z.infer<typeof identityDocumentTypeSchema>;

export const peselSchema = z.string().superRefine((value, context) => {
  const checked = validatePesel(value);
  if (!checked.ok) {
    const messages = {
      format: 'a PESEL is 11 digits',
      checksum: 'the PESEL check digit does not match: a digit is mistyped',
      date: 'the PESEL encodes no real birth date',
    } as const;
    context.addIssue({ code: 'custom', message: messages[checked.reason], params: checked });
  }
});

export const postalCodeSchema = z
  .string()
  .refine(isPostalCode, 'a Polish postal code looks like 00-950');

/** Who the case is for: identified by PESEL, or (a person without one) by a document. */
export const caseApplicantIdentitySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pesel'), pesel: peselSchema }),
  z.strictObject({
    kind: z.literal('document'),
    documentType: identityDocumentTypeSchema,
    documentNumber: z.string().trim().min(3, 'at least 3 characters').max(30),
  }),
]);
export type CaseApplicantIdentity = z.infer<typeof caseApplicantIdentitySchema>;

export const caseAddressSchema = z.strictObject({
  /** Street, house and flat number (`ul. Słowackiego 12/4`); a village may have no street. */
  street: z.string().trim().min(1, 'required').max(120),
  postalCode: postalCodeSchema,
  city: name,
});
export type CaseAddress = z.infer<typeof caseAddressSchema>;

export const caseApplicantSchema = z.strictObject({
  identity: caseApplicantIdentitySchema,
  firstName: name,
  lastName: name,
  address: caseAddressSchema,
  phone: z
    .string()
    .regex(/^\+?[\d ]{9,15}$/, 'a phone number: 9 digits, or + and the country code')
    .nullable(),
  email: z.email('an e-mail address such as jan@example.pl').nullable(),
});
export type CaseApplicant = z.infer<typeof caseApplicantSchema>;

/** A person acting for the applicant (a proxy or a legal guardian). */
export const caseRepresentativeSchema = z.strictObject({
  firstName: name,
  lastName: name,
  identity: caseApplicantIdentitySchema,
});
export type CaseRepresentative = z.infer<typeof caseRepresentativeSchema>;

export const caseFieldValueSchema = z.union([z.string().max(500), z.number(), z.boolean()]);

export const caseRegistrationSchema = z.strictObject({
  /** Made by the counter PC when the clerk submits: the case's identity everywhere. */
  caseId: z.uuid(),
  siteId: id,
  counterNumber: z.int().min(1).max(999),
  clerkLogin: z.string().min(1),
  caseTypeId: id,
  /** The queue ticket served when the case was opened; null for a case without a ticket. */
  ticketId: z.uuid().nullable(),
  ticketNumber: z
    .string()
    .regex(/^[A-Z]{1,2}\d{1,4}$/)
    .nullable(),
  applicant: caseApplicantSchema,
  representative: caseRepresentativeSchema.nullable(),
  /** The ids of the case type's conditions that hold. */
  conditions: z.array(id).max(50),
  documents: z
    .array(z.strictObject({ documentId: id, state: checklistDocumentStateSchema }))
    .max(100),
  exemptionId: id.nullable(),
  /** The fee as the form computed it from the case type, the exemption and the extra items. */
  feeGrosze: z.int().min(0),
  /** The case type's own form fields, by field id. */
  fields: z.record(id, caseFieldValueSchema),
  notes: z.string().max(2000),
  submittedAt: z.iso.datetime(),
});
export type CaseRegistration = z.infer<typeof caseRegistrationSchema>;

/** What `case.register` answers when applied. */
export const caseRegisteredResultSchema = z.strictObject({
  caseId: z.uuid(),
  caseNumber: z.string().min(1),
});
export type CaseRegisteredResult = z.infer<typeof caseRegisteredResultSchema>;
