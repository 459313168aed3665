import { z } from 'zod';
import { printerConfigSchema, terminalConfigSchema } from '../workstationConfig';
import { createWorkstationRequestSchema } from './admin';
import { workstationSchema } from './auth';

/**
 * Provisioning a counter PC (docs/provisioning.md): an admin registers the PC and gets a
 * one-time enrolment code; the PC's first start trades the code for its identity and token.
 * What the server owns of a PC's settings (site, counter, terminal, printer) it serves to the
 * PC, so nobody types them on each PC.
 */
export const enrolmentPaths = {
  /** POST (admin): register or re-enrol a workstation with its settings; answers a code. */
  adminEnrolments: '/api/v1/admin/workstations/enrolments',
  /** PUT (admin): change a workstation's terminal and printer settings. */
  adminSettings: '/api/v1/admin/workstations/:id/settings',
  adminSettingsOf: (id: string) => `/api/v1/admin/workstations/${encodeURIComponent(id)}/settings`,
  /** POST (admin): the workstation's token and unused codes stop working. */
  adminRevoke: '/api/v1/admin/workstations/:id/revoke',
  adminRevokeOf: (id: string) => `/api/v1/admin/workstations/${encodeURIComponent(id)}/revoke`,
  /** POST (public, rate-limited): trade a code for the workstation's identity and token. */
  enrol: '/api/v1/enrol',
  /** GET (workstation token): the settings the server owns for the calling PC. */
  workstationSettings: '/api/v1/workstation/settings',
} as const;

/**
 * The code's alphabet: no 0/O, 1/I/L, so a code read aloud or copied off paper is typed right.
 * 12 characters of 31 are about 59 bits; with the rate limit and the expiry, enough.
 */
export const ENROLMENT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const ENROLMENT_CODE_LENGTH = 12;

/** A code as typed: case, spaces and dashes do not matter (`k7qp 2mxd-9htr`). */
export function normalizeEnrolmentCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** `K7QP2MXD9HTR` → `K7QP-2MXD-9HTR`. */
export function formatEnrolmentCode(code: string): string {
  return (normalizeEnrolmentCode(code).match(/.{1,4}/g) ?? []).join('-');
}

export const enrolmentCodeSchema = z
  .string()
  .max(40)
  .transform(normalizeEnrolmentCode)
  .pipe(
    z
      .string()
      .regex(
        new RegExp(`^[${ENROLMENT_CODE_ALPHABET}]{${ENROLMENT_CODE_LENGTH}}$`),
        `${ENROLMENT_CODE_LENGTH} characters, e.g. K7QP-2MXD-9HTR`,
      ),
  );

/** What the server owns of a PC's settings; the PC merges them into its config. */
export const workstationSettingsSchema = z.object({
  workstation: workstationSchema,
  /** null: the server holds none for this PC (registered before provisioning); the PC's own apply. */
  terminal: terminalConfigSchema.nullable(),
  printer: printerConfigSchema.nullable(),
  updatedAt: z.iso.datetime(),
});
export type WorkstationSettings = z.infer<typeof workstationSettingsSchema>;

/** POST adminEnrolments: a new PC, or an existing one again (a new code; same id). */
export const createEnrolmentRequestSchema = createWorkstationRequestSchema.extend({
  terminal: terminalConfigSchema.default({ kind: 'simulator' }),
  printer: printerConfigSchema.default({ kind: 'simulator' }),
});
export type CreateEnrolmentRequest = z.input<typeof createEnrolmentRequestSchema>;

export const createEnrolmentResponseSchema = z.object({
  workstation: workstationSchema,
  /** Shown once, formatted `XXXX-XXXX-XXXX`; the server keeps its hash. */
  code: z.string(),
  expiresAt: z.iso.datetime(),
  /** Whether the id was registered before (a re-enrolment). */
  reEnrolment: z.boolean(),
});
export type CreateEnrolmentResponse = z.infer<typeof createEnrolmentResponseSchema>;

export const updateWorkstationSettingsRequestSchema = z.strictObject({
  terminal: terminalConfigSchema,
  printer: printerConfigSchema,
});

export const revokeWorkstationResponseSchema = z.object({
  workstation: workstationSchema,
  revokedCodes: z.int().min(0),
});

/** POST enrol. */
export const enrolRequestSchema = z.strictObject({
  code: enrolmentCodeSchema,
  /** The PC's own name (hostname), for the log and the admin's list; never required. */
  machineLabel: z.string().trim().max(120).optional(),
});
export type EnrolRequest = z.input<typeof enrolRequestSchema>;

export const enrolResponseSchema = z.object({
  /** Sent by the PC as X-Okienko-Workstation; the server keeps only its hash. */
  token: z.string(),
  settings: workstationSettingsSchema,
});
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;
