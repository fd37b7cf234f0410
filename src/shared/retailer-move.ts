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

/** GET /api/retailers/:id/move-preview?toOrgId= — what a move would carry, end or be refused for, before it is confirmed. */
export const retailerMovePreviewQuerySchema = z.object({ toOrgId: idParamSchema.optional() });

export const retailerMovePreviewSchema = z.object({
  retailerId: z.number().int(),
  shopName: z.string(),
  /** The counties a shop can move to: every county of the tree but its own. */
  counties: z.array(z.object({ orgId: z.number().int(), name: z.string() })),
  /** The chosen county's grids with their grid worker (a grid without one cannot take the shop). */
  grids: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string(), workerName: z.string().nullable() })),
  carried: z.record(z.string(), z.number().int()),
  ended: z.record(z.string(), z.number().int()),
  /** Why the move would be refused now, each with its zh/en text (empty: it can go). */
  refusals: z.array(z.object({ code: z.string(), message: z.string(), messageEn: z.string(), products: z.array(z.string()).optional() })),
});
export type RetailerMovePreview = z.infer<typeof retailerMovePreviewSchema>;
