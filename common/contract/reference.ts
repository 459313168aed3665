import { z } from 'zod';
import {
  caseTypeSchema,
  categorySchema,
  counterSchema,
  departmentSchema,
  referenceEntityKindSchema,
  siteSchema,
} from './central/reference';
import { defineChannel } from './defineChannel';

/** The reference data as this PC has cached it: what the app reads when the server is down. */
export const referenceListSchema = z.discriminatedUnion('entity', [
  z.object({ entity: z.literal('site'), items: z.array(siteSchema) }),
  z.object({ entity: z.literal('department'), items: z.array(departmentSchema) }),
  z.object({ entity: z.literal('category'), items: z.array(categorySchema) }),
  z.object({ entity: z.literal('counter'), items: z.array(counterSchema) }),
  z.object({ entity: z.literal('caseType'), items: z.array(caseTypeSchema) }),
]);
export type ReferenceList = z.infer<typeof referenceListSchema>;

export const referenceChannels = {
  'reference:list': defineChannel({
    summary:
      'Every cached entity of one kind (sites, departments, categories, counters, case types).',
    request: z.object({ entity: referenceEntityKindSchema }).strict(),
    response: referenceListSchema,
  }),
} as const;
