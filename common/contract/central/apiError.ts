import { z } from 'zod';
import { payloadIssueSchema } from '../ipcError';

/**
 * Every error the central API answers has this body, whatever the route: a code a program can
 * branch on, a message a person can read, and for a bad request the path of each bad field.
 */
export const apiErrorCodes = [
  'invalid-request',
  'unauthenticated',
  'forbidden',
  'not-found',
  'conflict',
  'too-many-requests',
  'unavailable',
  'internal',
  /** POST /api/v1/enrol (docs/provisioning.md): the code was never issued, is used, or is too old. */
  'enrolment-code-unknown',
  'enrolment-code-used',
  'enrolment-code-expired',
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(apiErrorCodes),
    message: z.string(),
    issues: z.array(payloadIssueSchema).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
