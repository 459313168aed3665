import { z } from 'zod';
import { siteScheduleSchema } from '../../domain/timetableSchema';

/**
 * The city hall's reference data, as the central server keeps it and every counter PC caches
 * it. Each entity carries `demo`: data shipped for a demonstration says so, everywhere it shows.
 */
const id = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lowercase id: letters, digits, . _ -');
const demo = z.boolean();

export const siteSchema = z.strictObject({
  id,
  name: z.string().min(1),
  address: z.string().min(1),
  hasLocker: z.boolean(),
  /** The wait the city promises residents; the supervisor's share-served-within figure uses it. */
  targetWaitMinutes: z.int().min(1).max(480),
  schedule: siteScheduleSchema,
  demo,
});

export const departmentSchema = z.strictObject({
  id,
  name: z.string().min(1),
  /** The unit symbol that opens its case numbers, e.g. `KM` in `KM.5410.123.2025`. */
  unitSymbol: z.string().regex(/^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/),
  demo,
});

export const categorySchema = z.strictObject({
  id,
  siteId: id,
  departmentId: id,
  /** The ticket prefix: `B` in `B017`. */
  prefix: z.string().regex(/^[A-Z]{1,2}$/),
  name: z.string().min(1),
  /** The most tickets a day; null: no cap. */
  dailyCap: z.int().min(1).nullable(),
  demo,
});

export const counterSchema = z.strictObject({
  id,
  siteId: id,
  number: z.int().min(1).max(999),
  name: z.string().min(1),
  /** The categories this counter serves, in the order it serves them. */
  categoryIds: z.array(id),
  demo,
});

export const requiredDocumentSchema = z.strictObject({
  id,
  name: z.string().min(1),
  /** Where a resident gets it, in plain Polish, for the list of what is missing. */
  whereToGet: z.string(),
  /** Asked for only when this condition holds (e.g. someone acts for the applicant). */
  condition: z.strictObject({ id, label: z.string().min(1) }).nullable(),
  /** An extra fee that comes with it (e.g. 17 zł stamp duty on a power of attorney). */
  feeGrosze: z.int().min(0),
});

export const feeExemptionSchema = z.strictObject({
  id,
  name: z.string().min(1),
  /** The legal basis, shown to the clerk. */
  basis: z.string(),
});

export const caseFormFieldSchema = z.strictObject({
  id,
  label: z.string().min(1),
  kind: z.enum(['text', 'number', 'date', 'choice', 'boolean']),
  required: z.boolean(),
  choices: z.array(z.string()).optional(),
});

export const caseTypeSchema = z.strictObject({
  id,
  name: z.string().min(1),
  departmentId: id,
  /** The queue category a resident with this case is sent to, per site. */
  categoryIds: z.array(id),
  /** The file-plan (JRWA) class of its case numbers. */
  jrwa: z.string().regex(/^\d{1,4}$/),
  documents: z.array(requiredDocumentSchema),
  feeGrosze: z.int().min(0),
  exemptions: z.array(feeExemptionSchema),
  /** Whether the law allows its result to be handed over through the urzędomat. */
  lockerPickup: z.boolean(),
  /** Statutory deadline for settling the case, in days. */
  deadlineDays: z.int().min(1).max(365),
  formFields: z.array(caseFormFieldSchema),
  demo,
});

export const referenceEntitySchemas = {
  site: siteSchema,
  department: departmentSchema,
  category: categorySchema,
  counter: counterSchema,
  caseType: caseTypeSchema,
} as const;
export type ReferenceEntityKind = keyof typeof referenceEntitySchemas;
export const referenceEntityKinds = Object.keys(referenceEntitySchemas) as ReferenceEntityKind[];
export const referenceEntityKindSchema = z.enum([
  'site',
  'department',
  'category',
  'counter',
  'caseType',
]);

export type Site = z.infer<typeof siteSchema>;
export type Department = z.infer<typeof departmentSchema>;
export type Category = z.infer<typeof categorySchema>;
export type Counter = z.infer<typeof counterSchema>;
export type CaseType = z.infer<typeof caseTypeSchema>;
export type ReferenceEntity = {
  [K in ReferenceEntityKind]: z.infer<(typeof referenceEntitySchemas)[K]>;
};

/** GET /api/v1/reference/:entity: the live (not deleted) entities of one kind, by id. */
export const referenceListResponseSchemas = {
  site: z.object({ items: z.array(siteSchema) }),
  department: z.object({ items: z.array(departmentSchema) }),
  category: z.object({ items: z.array(categorySchema) }),
  counter: z.object({ items: z.array(counterSchema) }),
  caseType: z.object({ items: z.array(caseTypeSchema) }),
} as const satisfies Record<ReferenceEntityKind, z.ZodType>;

/** PUT and DELETE /api/v1/admin/reference/:entity/:id: where the write landed in the feed. */
export const referenceWriteResultSchema = z.object({
  entity: referenceEntityKindSchema,
  id: z.string(),
  seq: z.string().regex(/^\d+$/),
  deleted: z.boolean(),
});
export type ReferenceWriteResult = z.infer<typeof referenceWriteResultSchema>;
