// Typed calls of the county's accounts (decisions 0862, 0863).
import { api, toQuery, type Wire } from '../../api/client.js';
import type { passwordResetResultSchema, userCreatedSchema, UserCreate, userListSchema, userSummarySchema, UserUpdate } from '../../../shared/users.js';

export type UserSummary = Wire<typeof userSummarySchema>;
export type PasswordReset = Wire<typeof passwordResetResultSchema>;
export type UserCreated = Wire<typeof userCreatedSchema>;

export const usersApi = {
  list: (q: string) => api<Wire<typeof userListSchema>>(`/api/users${toQuery({ q: q.trim() || undefined })}`),
  create: (body: UserCreate) => api<UserCreated>('/api/users', { method: 'POST', body }),
  update: (id: number, body: UserUpdate) => api<UserSummary>(`/api/users/${id}`, { method: 'PATCH', body }),
  resetPassword: (id: number) => api<PasswordReset>(`/api/users/${id}/password-reset`, { method: 'POST' }),
};
