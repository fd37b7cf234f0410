// The administrator's user list and password reset (decision 0862): the
// accounts of the administrator's own county, and the temporary password a
// reset gives, shown once.
import { z } from 'zod';
import { roleSchema } from './auth.js';
import { idSchema, textSchema } from './primitives.js';
import { PHONE_RE } from './retailer.js';

/** GET /api/users: an optional search in the login name or the display name. */
export const userListQuerySchema = z.object({
  q: textSchema.trim().max(50, 'text_too_long').optional(),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const userSummarySchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  active: z.boolean(),
  /** Someone else chose the password (onboarding, a reset) and the user has not changed it yet. */
  mustChangePassword: z.boolean(),
  /** A station head's station, a grid worker's home station. */
  stationId: z.number().nullable(),
  stationName: z.string().nullable(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

/** At most this many users per answer; a search narrows it. */
export const USER_LIST_LIMIT = 200;

export const userListSchema = z.object({
  items: z.array(userSummarySchema),
  /** How many matched; more than `items` when the limit cut the list. */
  total: z.number().int(),
});

/** POST /api/users/:id/password-reset: the temporary password, shown to the administrator once and never stored in clear. */
export const passwordResetResultSchema = z.object({
  user: userSummarySchema,
  temporaryPassword: z.string(),
  /** The user's sessions that were logged out. */
  sessionsEnded: z.number().int(),
});

// ---- Staff accounts: the administrator opens, edits and closes them (decision 0863) ----

/** The roles an administrator gives a county's staff; shops get their logins at onboarding, regional roles above. */
export const STAFF_ROLES = ['county_manager', 'station_head', 'grid_worker', 'call_agent', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
/** Roles that belong to a station: the station head's, the grid worker's home. */
export const STATION_ROLES: readonly StaffRole[] = ['station_head', 'grid_worker'];

export const USERNAME_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{2,31}$/;
/** The fields of an account one by one, for the form's rules (the same schemas the route parses). */
export const userFields = {
  username: z.string().trim().max(32, 'username_format').regex(USERNAME_RE, 'username_format'),
  displayName: textSchema.trim().min(1, 'required').max(30, 'text_too_long'),
  phone: z.string().trim().regex(PHONE_RE, 'phone_format'),
};
const displayNameSchema = userFields.displayName;
const staffRoleSchema = z.enum(STAFF_ROLES);

/** POST /api/users: a new staff account; its first password is generated and shown once. */
export const userCreateSchema = z
  .object({
    username: userFields.username,
    displayName: displayNameSchema,
    role: staffRoleSchema,
    stationId: idSchema.nullable().optional(),
    phone: userFields.phone.nullable().optional().or(z.literal('').transform(() => null)),
  })
  .superRefine((v, ctx) => {
    if (STATION_ROLES.includes(v.role) && !v.stationId) ctx.addIssue({ code: 'custom', path: ['stationId'], message: 'station_required' });
  });
export type UserCreate = z.infer<typeof userCreateSchema>;

/** PATCH /api/users/:id: any of these; closing an account (active false) ends its sessions. */
export const userUpdateSchema = z
  .object({
    displayName: displayNameSchema.optional(),
    role: staffRoleSchema.optional(),
    stationId: idSchema.nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'required' });
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const userCreatedSchema = z.object({ user: userSummarySchema, temporaryPassword: z.string() });
