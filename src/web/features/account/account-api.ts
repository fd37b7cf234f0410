// Typed call of the password change (decision 0860).
import { api, type Body, type Wire } from '../../api/client.js';
import type { changePasswordResultSchema, changePasswordSchema } from '../../../shared/auth.js';

export const accountApi = {
  // A wrong current password is a 422, never a 401: the form says so instead of sending the user to the login page.
  changePassword: (body: Body<typeof changePasswordSchema>) =>
    api<Wire<typeof changePasswordResultSchema>>('/api/auth/password', { method: 'POST', body }),
};
