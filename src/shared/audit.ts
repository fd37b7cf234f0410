// The audit log as the audit screen reads it.
import { z } from 'zod';
import { idParamSchema, textSchema } from './primitives.js';

export const auditQuerySchema = z.object({
  action: textSchema.max(30).optional(),
  retailerId: idParamSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditItemSchema = z.object({
  id: z.number(),
  at: z.string(),
  userName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityIds: z.array(z.number()),
  detail: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});
export type AuditItem = z.infer<typeof auditItemSchema>;
export const auditListSchema = z.object({ items: z.array(auditItemSchema) });
