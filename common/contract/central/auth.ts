import { z } from 'zod';

/** Who may do what: each central route names the roles it admits. */
export const roleSchema = z.enum(['clerk', 'assistant', 'locker', 'supervisor', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const loginNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{2,64}$/, 'letters, digits, dot, dash or underscore; 2 to 64 characters');

export const userSchema = z.object({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema).min(1),
  siteId: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

export const loginRequestSchema = z
  .object({
    login: loginNameSchema,
    password: z.string().min(1).max(256),
  })
  .strict();
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const loginResponseSchema = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  user: userSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** A counter PC (or the assistant's, the locker desk's PC) as the server knows it. */
export const workstationSchema = z.object({
  id: z.string(),
  siteId: z.string(),
  /** The counter it serves at; null for a PC that is no counter (the assistant's, the locker desk's). */
  counterNumber: z.int().nullable(),
});
export type Workstation = z.infer<typeof workstationSchema>;

/**
 * GET /api/v1/auth/session: who the credentials sent belong to. `expiresAt` is the user
 * session's expiry; null when only a workstation token was sent (those do not expire: an
 * admin replaces them).
 */
export const sessionResponseSchema = z.object({
  user: userSchema.nullable(),
  workstation: workstationSchema.nullable(),
  expiresAt: z.iso.datetime().nullable(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

/** A counter PC's own identity: the token is sent with every request beside the clerk's. */
export const WORKSTATION_TOKEN_HEADER = 'x-okienko-workstation';

/** A user's session token travels as `Authorization: Bearer <token>`. */
export const SESSION_TOKEN_SCHEME = 'Bearer';
