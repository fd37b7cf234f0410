// Request and response schemas of supply plans, allocation and order taking,
// used by the routes and by the screens.
import { z } from 'zod';

export const ORDER_CHANNELS = ['phone', 'self', 'visit'] as const;
export const orderChannelSchema = z.enum(ORDER_CHANNELS);

const cartons = z.number({ message: 'quantity_whole' }).int({ message: 'quantity_whole' }).min(0, { message: 'quantity_whole' }).max(100_000, { message: 'quantity_whole' });

export const orderLineInputSchema = z
  .object({
    productId: z.number().int().positive(),
    /** 需求量: what the retailer wants; kept even above the limit. Defaults to orderedQty. */
    demandQty: cartons.optional(),
    /** 订购量: what is ordered, within the limit. */
    orderedQty: cartons,
  })
  .refine((l) => l.demandQty === undefined || l.demandQty >= l.orderedQty, { message: 'demand_below_order', path: ['demandQty'] });

const linesSchema = z
  .array(orderLineInputSchema)
  .min(1)
  .max(300)
  .refine((ls) => new Set(ls.map((l) => l.productId)).size === ls.length, { message: 'duplicate_product' });

export const submitOrderSchema = z.object({
  retailerId: z.number().int().positive(),
  channel: orderChannelSchema,
  /** A client-made key (e.g. a UUID) per submission; a retry with the same key returns the first answer. */
  idempotencyKey: z.string().min(8).max(100),
  lines: linesSchema,
});
export type SubmitOrderInput = z.infer<typeof submitOrderSchema>;

export const amendOrderSchema = z.object({
  idempotencyKey: z.string().min(8).max(100),
  lines: linesSchema,
});
export type AmendOrderInput = z.infer<typeof amendOrderSchema>;

export const orderLineSchema = z.object({
  productId: z.number(),
  productCode: z.string(),
  productName: z.string(),
  demandQty: z.number(),
  availableQty: z.number(),
  orderedQty: z.number(),
  unitPrice: z.number(),
  amount: z.number(),
});

export const orderResultSchema = z.object({
  orderId: z.number(),
  planId: z.number(),
  retailerId: z.number(),
  orderDate: z.string(),
  channel: z.string(),
  version: z.number(),
  totalQty: z.number(),
  totalAmount: z.number(),
  settlementMethod: z.string(),
  settlementStatus: z.string(),
  lines: z.array(orderLineSchema),
});
export type OrderResult = z.infer<typeof orderResultSchema>;

export const allocationPolicyInputSchema = z.object({
  urbanWeight: z.number().min(0).max(10).default(1),
  ruralWeight: z.number().min(0).max(10).default(1),
  minTier: z.number().int().min(0).max(30).default(0),
  tierExponent: z.number().min(0).max(3).default(1),
  maxQuota: z.number().int().min(1).max(100).default(30),
});

export const planItemInputSchema = allocationPolicyInputSchema.extend({
  productId: z.number().int().positive(),
  supplyQty: z.number({ message: 'quantity_whole' }).int({ message: 'quantity_whole' }).min(0, { message: 'quantity_whole' }),
  scarce: z.boolean(),
});
export type PlanItemInput = z.infer<typeof planItemInputSchema>;

export const createPlanSchema = z.object({
  weekStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date_format' }),
  note: z.string().max(500).default(''),
  /** Omitted: every active product, scarce ones from the product list, supply from recent demand. */
  items: z.array(planItemInputSchema).optional(),
});

export const updatePlanItemsSchema = z.object({ items: z.array(planItemInputSchema).min(1).max(500) });
