import { z } from 'zod';
import { userSchema } from './central/auth';
import { defineChannel, defineEvent } from './defineChannel';

/**
 * Who is logged in at this PC. The session token itself never leaves main: the windows see the
 * person, their roles and whether the login was checked by the central server or only locally.
 */
export const clerkSessionSchema = z.object({
  user: userSchema,
  /** Logged in against this PC's cached verifier while the central server was unreachable. */
  offline: z.boolean(),
  /** When the session ends; null for an offline session (it lasts until logout). */
  expiresAt: z.iso.datetime().nullable(),
});
export type ClerkSession = z.infer<typeof clerkSessionSchema>;

export const sessionStateSchema = z.object({
  session: clerkSessionSchema.nullable(),
  /** The central server is the embedded one with demo data: the login screen shows demo logins. */
  demo: z.boolean(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

export const authChannels = {
  'auth:login': defineChannel({
    summary:
      'Log in: online through the central server, or offline against this PC’s cached verifier.',
    request: z
      .object({ login: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) })
      .strict(),
    response: clerkSessionSchema,
    errorCodes: ['wrong-credentials', 'rate-limited', 'offline-unknown-user'],
  }),
  'auth:logout': defineChannel({
    summary: 'End the session at this PC (and on the central server when it answers).',
    request: z.object({}).strict(),
    response: z.object({ loggedOut: z.literal(true) }),
  }),
  'auth:session': defineChannel({
    summary: 'Who is logged in now (null: nobody), and whether the login screen shows demo logins.',
    request: z.object({}).strict(),
    response: sessionStateSchema,
  }),
} as const;

export const authEvents = {
  'auth:sessionChanged': defineEvent({
    summary: 'Someone logged in or out (or the session expired).',
    payload: sessionStateSchema,
  }),
} as const;
