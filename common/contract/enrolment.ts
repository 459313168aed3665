import { z } from 'zod';
import { workstationSchema } from './central/auth';
import { workstationSettingsSchema } from './central/enrolment';
import { defineChannel, defineEvent } from './defineChannel';

/**
 * This PC's identity at its central server (docs/provisioning.md): what the first start gets
 * for an enrolment code. Kept by main only (Electron's safeStorage, or a file only its user may
 * read); the renderer never sees the token.
 */
export const workstationIdentitySchema = z.object({
  schemaVersion: z.literal(1),
  centralUrl: z.url({ protocol: /^https?$/ }),
  token: z.string().min(16).max(512),
  /** null for a token migrated from the old plain `workstation-token` file: the server knows. */
  workstation: workstationSchema.nullable(),
  enrolledAt: z.iso.datetime(),
});
export type WorkstationIdentity = z.infer<typeof workstationIdentitySchema>;

/** The central-owned settings this PC last got (`<dataDir>/central-settings.json`). */
export const cachedCentralSettingsSchema = z.object({
  fetchedAt: z.iso.datetime(),
  settings: workstationSettingsSchema,
});
export type CachedCentralSettings = z.infer<typeof cachedCentralSettingsSchema>;

export const enrolmentPhaseSchema = z.enum([
  /** The embedded central server: this PC is its own server; nothing to enrol. */
  'not-needed',
  /** A remote central server and no identity yet: the first-start screen. */
  'needs-enrolment',
  'enrolled',
]);
export type EnrolmentPhase = z.infer<typeof enrolmentPhaseSchema>;

export const enrolmentStateSchema = z.object({
  phase: enrolmentPhaseSchema,
  /** The central server's address from the config (the first-start screen offers it). */
  centralUrl: z.string().nullable(),
  workstation: workstationSchema.nullable(),
  /** Where the identity is kept, in words for IT; a warning when it is less protected. */
  identityStorage: z.object({
    kind: z.enum(['safe-storage', 'file']),
    location: z.string(),
    warning: z.string().nullable(),
  }),
  /** The settings the central server owns (site, counter, terminal, printer). */
  centralSettings: z.object({
    /** When they were last fetched; null when never (the local config applies). */
    fetchedAt: z.iso.datetime().nullable(),
    /** The server has changed them since this start: they apply at the next start. */
    changedSinceStart: z.boolean(),
    problem: z.string().nullable(),
  }),
});
export type EnrolmentState = z.infer<typeof enrolmentStateSchema>;

const noPayload = z.object({}).strict();

export const enrolmentErrorCodes = [
  'enrolment-code-unknown',
  'enrolment-code-used',
  'enrolment-code-expired',
  'too-many-attempts',
  'central-unreachable',
  'central-refused',
  'already-enrolled',
  'identity-not-stored',
] as const;
export type EnrolmentErrorCode = (typeof enrolmentErrorCodes)[number];

export const enrolmentChannels = {
  'enrolment:state': defineChannel({
    summary:
      'Whether this PC must be enrolled at its central server (first start), who it is, where its identity is kept and when the central-owned settings were last fetched.',
    request: noPayload,
    response: enrolmentStateSchema,
  }),
  'enrolment:enrol': defineChannel({
    summary:
      'Trade a one-time enrolment code at the given central server for this PC’s identity; main stores it and starts the services (then the login screen).',
    request: z
      .object({
        centralUrl: z
          .string()
          .trim()
          .pipe(z.url({ protocol: /^https?$/, error: 'an http:// or https:// address' })),
        code: z.string().trim().min(1).max(40),
      })
      .strict(),
    response: enrolmentStateSchema,
    errorCodes: enrolmentErrorCodes,
  }),
} as const;

export const enrolmentEvents = {
  'enrolment:changed': defineEvent({
    summary:
      'The enrolment state changed: the PC was enrolled, or the central-owned settings were fetched (and may differ from the ones in use).',
    payload: enrolmentStateSchema,
  }),
} as const;
