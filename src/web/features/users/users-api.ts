// Typed calls of the county's accounts (decision 0862).
import { api, toQuery, type Wire } from '../../api/client.js';
import type { passwordResetResultSchema, userListSchema, userSummarySchema } from '../../../shared/users.js';

export type UserSummary = Wire<typeof userSummarySchema>;
export type PasswordReset = Wire<typeof passwordResetResultSchema>;

export const usersApi = {
  list: (q: string) => api<Wire<typeof userListSchema>>(`/api/users${toQuery({ q: q.trim() || undefined })}`),
  resetPassword: (id: number) => api<PasswordReset>(`/api/users/${id}/password-reset`, { method: 'POST' }),
};
