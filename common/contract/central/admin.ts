import { z } from 'zod';
import { loginNameSchema, roleSchema, userSchema, workstationSchema } from './auth';

/** POST /api/v1/admin/users (admin): a new user; the password is hashed, never kept. */
export const createUserRequestSchema = z.strictObject({
  login: loginNameSchema,
  displayName: z.string().trim().min(1).max(200),
  roles: z
    .array(roleSchema)
    .min(1)
    .refine((roles) => new Set(roles).size === roles.length, { error: 'a role is listed twice' }),
  /** The site the user works at; null for one who works at every site (an admin). */
  siteId: z.string().min(1).nullable(),
  password: z.string().min(10, 'at least 10 characters').max(256),
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const createUserResponseSchema = z.object({ user: userSchema });
export type CreateUserResponse = z.infer<typeof createUserResponseSchema>;

/** POST /api/v1/admin/workstations (admin): a new PC identity; its token is shown once. */
export const createWorkstationRequestSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lowercase id: letters, digits, . _ -'),
  siteId: z.string().min(1),
  counterNumber: z.int().min(1).max(999).nullable(),
});
export type CreateWorkstationRequest = z.infer<typeof createWorkstationRequestSchema>;

export const createWorkstationResponseSchema = z.object({
  workstation: workstationSchema,
  /** Sent by the PC as X-Okienko-Workstation; the server keeps only its hash. */
  token: z.string(),
});
export type CreateWorkstationResponse = z.infer<typeof createWorkstationResponseSchema>;
