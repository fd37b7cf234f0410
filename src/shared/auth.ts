import { z } from 'zod';
import { ORG_LEVELS, ROLES } from './codes.js';
import { textSchema } from './primitives.js';

export const roleSchema = z.enum(ROLES);

export const loginSchema = z.object({
  username: textSchema.trim().min(1, 'required').max(50),
  password: textSchema.min(1, 'required').max(200),
});
export type LoginInput = z.infer<typeof loginSchema>;

export const meSchema = z.object({
  user: z.object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    role: roleSchema,
    stationId: z.number().nullable(),
    retailerId: z.number().nullable(),
    /** Someone else chose the password (an ordering login opened at onboarding): the web asks for a new one before anything else (decision 0860). */
    mustChangePassword: z.boolean(),
  }),
  permissions: z.array(z.string()),
  menu: z.array(z.string()),
  /** A province or city user (decision 1910): their own role and company, and the county they are looking into. */
  regional: z
    .object({
      role: roleSchema,
      level: z.enum(ORG_LEVELS),
      homeOrgId: z.number(),
      homeOrgName: z.string(),
      county: z.object({ orgId: z.number(), name: z.string() }).nullable(),
    })
    .optional(),
});
export type Me = z.infer<typeof meSchema>;

/** The shortest new password taken (decision 0860); the other rules are in src/domain/access/password-policy.ts. */
export const PASSWORD_MIN_LENGTH = 8;

/** POST /api/auth/password: the logged-in user's own password. Only the shape here; the rules answer 422 `password_weak`. */
export const changePasswordSchema = z.object({
  currentPassword: textSchema.min(1, 'required').max(200),
  newPassword: textSchema.min(1, 'required').max(200),
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const changePasswordResultSchema = z.object({
  ok: z.literal(true),
  /** The user's other sessions (other browsers and phones) that were logged out; this one stays. */
  otherSessionsEnded: z.number().int(),
});
export type ChangePasswordResult = z.infer<typeof changePasswordResultSchema>;

/** Public: what the login page needs before anyone is logged in. */
export const configSchema = z.object({ demo: z.boolean() });
export type AppConfig = z.infer<typeof configSchema>;
