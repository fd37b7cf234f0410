// Electronic settlement (电子结算): the daily report, the failed deductions
// waiting for money and the one-sided records (单边账), as the routes answer
// them and the settlement screen reads them.
import { z } from 'zod';
import { isoDateSchema, textSchema } from './primitives.js';

const isoDate = isoDateSchema;

export const SETTLEMENT_METHODS = ['bank_deduction', 'pos', 'cash'] as const;
export const SETTLEMENT_STATUSES = ['pending', 'deducted', 'failed'] as const;
/** Why an order and its payment records disagree. */
export const MISMATCH_KINDS = ['no_deduction_record', 'deducted_twice', 'deducted_not_marked', 'amount_differs'] as const;

/** Omitted: the latest order day up to today. */
export const settlementReportQuerySchema = z.object({ date: isoDate.optional() });

export const settlementRecordSchema = z.object({
  status: z.enum(['deducted', 'failed']),
  amount: z.number().nonnegative().max(1_000_000_000, 'invalid_value').optional(),
  externalRef: textSchema.max(100).optional(),
  failureReason: textSchema.max(200).optional(),
});

const retailerRef = z.object({ id: z.number(), customerCode: z.string(), shopName: z.string() });

export const settlementReportSchema = z.object({
  date: z.string(),
  totals: z.array(z.object({ method: z.string(), status: z.string(), orders: z.number(), amount: z.number() })),
  mismatches: z.array(
    z.object({
      orderId: z.number(),
      kind: z.enum(MISMATCH_KINDS),
      method: z.string(),
      settlementStatus: z.string(),
      orderAmount: z.number(),
      /** Sum of the deducted attempts. */
      deducted: z.number(),
      deductions: z.number(),
      externalRefs: z.array(z.string()),
      retailer: retailerRef,
    }),
  ),
});
export type SettlementReport = z.infer<typeof settlementReportSchema>;

/**
 * An order whose deduction failed and is not yet paid: status failed, or
 * pending again after a retry. flagged says whether the failure notice was
 * queued for the retailer and for their grid worker.
 */
export const failedDeductionSchema = z.object({
  orderId: z.number(),
  orderDate: z.string(),
  amount: z.number(),
  method: z.string(),
  settlementStatus: z.enum(['failed', 'pending']),
  failureReason: z.string().nullable(),
  failedAt: z.string().nullable(),
  attempts: z.number(),
  retailer: retailerRef,
  grid: z.object({ id: z.number(), name: z.string() }),
  worker: z.object({ id: z.number(), name: z.string() }).nullable(),
  flagged: z.object({ retailer: z.boolean(), worker: z.boolean() }),
});
export type FailedDeduction = z.infer<typeof failedDeductionSchema>;

export const failedDeductionsSchema = z.object({ items: z.array(failedDeductionSchema), failed: z.number(), retrying: z.number() });
export type FailedDeductions = z.infer<typeof failedDeductionsSchema>;

export const settlementRetrySchema = z.object({ orderId: z.number(), settlementStatus: z.literal('pending') });
export const settlementRecordedSchema = z.object({ orderId: z.number(), settlementStatus: z.enum(['deducted', 'failed']), attemptId: z.number() });
