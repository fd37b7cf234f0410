// Order-cycle measures (缺货率与动销率) as GET /api/ordering/stats answers
// them and the stock-out screen reads them. Rates are percentages with two
// decimals, null when there is nothing to divide by.
import { z } from 'zod';
import { isoDateSchema } from './primitives.js';

/** Omitted weekStart: the week of the latest order day up to today. */
export const orderCycleStatsQuerySchema = z.object({ weekStart: isoDateSchema.optional() });

const pct = z.number().nullable();

export const orderCycleStatsSchema = z.object({
  weekStart: z.string(),
  /** Company stock-out rate: demand lines with nothing available ÷ demand lines. */
  stockoutRatePct: pct,
  /** 动销率: retailers ordering this cycle ÷ retailers who ordered in the previous three cycles. */
  sellThroughPct: pct,
  products: z.array(
    z.object({
      productId: z.number(),
      code: z.string(),
      name: z.string(),
      demandLines: z.number(),
      stockoutLines: z.number(),
      demandQty: z.number(),
      orderedQty: z.number(),
      stockoutRatePct: pct,
      /** Retailers who ordered this product in the previous three cycles, and how many of them order it this cycle. */
      base: z.number(),
      ordering: z.number(),
      sellThroughPct: pct,
    }),
  ),
  grids: z.array(
    z.object({
      gridId: z.number(),
      gridName: z.string(),
      stationName: z.string(),
      workerName: z.string().nullable(),
      base: z.number(),
      ordering: z.number(),
      sellThroughPct: pct,
      demandLines: z.number(),
      stockoutLines: z.number(),
      stockoutRatePct: pct,
    }),
  ),
});
export type OrderCycleStats = z.infer<typeof orderCycleStatsSchema>;
