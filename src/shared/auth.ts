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

/** Public: what the login page needs before anyone is logged in. */
export const configSchema = z.object({ demo: z.boolean() });
export type AppConfig = z.infer<typeof configSchema>;
