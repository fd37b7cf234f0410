// The administrator's user list and password reset (decision 0862): the
// accounts of the administrator's own county, and the temporary password a
// reset gives, shown once.
import { z } from 'zod';
import { roleSchema } from './auth.js';
import { textSchema } from './primitives.js';

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
