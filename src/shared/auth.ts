import { z } from 'zod';
import { roleSchema } from './codes.js';

export const loginSchema = z.object({
  username: z.string().trim().min(1, 'required').max(50),
  password: z.string().min(1, 'required').max(200),
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
});
export type Me = z.infer<typeof meSchema>;
