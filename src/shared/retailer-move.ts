// Moving a shop to another county (issue 19, decision 1902): the request, the
// answer, and what the old county reads about a shop that left.
import { z } from 'zod';
import { idParamSchema, textSchema } from './primitives.js';

export const retailerMoveInputSchema = z.object({
  toOrgId: idParamSchema,
  toGridId: idParamSchema,
  /** Why: a boundary change, a licence moved (许可证迁移). Required; kept in the forwarding record and both audit logs. */
  reason: textSchema.trim().min(2, 'required').max(500, 'text_too_long'),
});
export type RetailerMoveInput = z.infer<typeof retailerMoveInputSchema>;

export const retailerMoveResultSchema = z.object({
  retailerId: z.number().int(),
  fromOrgId: z.number().int(),
  toOrgId: z.number().int(),
  /** Rows carried to the new org, by table. */
  carried: z.record(z.string(), z.number().int()),
  /** Rows of the old county's own plans that ended with the move, by table. */
  ended: z.record(z.string(), z.number().int()),
});
export type RetailerMoveResult = z.infer<typeof retailerMoveResultSchema>;
