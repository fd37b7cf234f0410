// Request and response schemas of supply plans, allocation and order taking,
// used by the routes and by the screens.
import { z } from 'zod';
import { suggestedLineSchema } from './forecast.js';
import { idParamSchema, idSchema, isoDateSchema, textSchema, timestampSchema } from './primitives.js';
import { jobViewSchema } from './jobs.js';

export const ORDER_CHANNELS = ['phone', 'self', 'visit'] as const;
export const orderChannelSchema = z.enum(ORDER_CHANNELS);

const cartons = z.number({ message: 'quantity_whole' }).int({ message: 'quantity_whole' }).min(0, { message: 'quantity_whole' }).max(100_000, { message: 'quantity_whole' });

export const orderLineInputSchema = z
  .object({
    productId: idSchema,
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
  retailerId: idSchema,
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
  productId: idSchema,
  supplyQty: z.number({ message: 'quantity_whole' }).int({ message: 'quantity_whole' }).min(0, { message: 'quantity_whole' }),
  scarce: z.boolean(),
});
export type PlanItemInput = z.infer<typeof planItemInputSchema>;

export const createPlanSchema = z.object({
  weekStart: isoDateSchema,
  note: textSchema.max(500).default(''),
  /** Omitted: every active product, scarce ones from the product list, supply from recent demand. */
  items: z.array(planItemInputSchema).optional(),
});

export const updatePlanItemsSchema = z.object({ items: z.array(planItemInputSchema).min(1).max(500) });

// Responses read by the supply-plan and order screens (the db query modules return these shapes).
export const planItemSchema = z.object({
  productId: z.number(),
  code: z.string(),
  name: z.string(),
  priceClass: z.number(),
  supplyQty: z.number(),
  scarce: z.boolean(),
  urbanWeight: z.number(),
  ruralWeight: z.number(),
  minTier: z.number(),
  tierExponent: z.number(),
  maxQuota: z.number(),
  allocatedQty: z.number().nullable(),
  /** Of allocatedQty: remainder cartons given one each by service-package priority (decision 0603). */
  priorityQty: z.number().nullable(),
  gapPct: z.number().nullable(),
  method: z.string().nullable(),
  orderedQty: z.number(),
  /** The county's expected demand this week from the latest forecast (or marketing's override of it); null without a forecast. */
  expectedDemand: z.number().nullable().optional(),
  expectedOverridden: z.boolean().optional(),
});
export type PlanItem = z.infer<typeof planItemSchema>;

export const allocationQuotaSchema = z.object({
  productId: z.number(),
  tier: z.number(),
  network: z.enum(['urban', 'rural']),
  quota: z.number(),
  retailers: z.number(),
  allocated: z.number(),
});
export type AllocationQuota = z.infer<typeof allocationQuotaSchema>;

const timestamp = timestampSchema;

export const planDetailSchema = z.object({
  plan: z.object({
    id: z.number(),
    weekStart: z.string(),
    status: z.string(),
    note: z.string(),
    allocatedAt: timestamp.nullable(),
    publishedAt: timestamp.nullable(),
    version: z.number(),
  }),
  items: z.array(planItemSchema),
  quotas: z.array(allocationQuotaSchema),
  /** The plan's allocation while it is queued or running (a job, see GET /api/jobs/:id); null otherwise. */
  allocation: jobViewSchema.nullable().optional(),
});
export type PlanDetail = z.infer<typeof planDetailSchema>;

export const planSummarySchema = z.object({ id: z.number(), weekStart: z.string(), status: z.string(), scarceItems: z.number(), publishedAt: timestamp.nullable() });
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const orderingProductSchema = z.object({
  productId: z.number(),
  code: z.string(),
  name: z.string(),
  priceClass: z.number(),
  price: z.number(),
  scarce: z.boolean(),
  limitQty: z.number().nullable(),
  quotaQty: z.number().nullable(),
  reason: z.object({ zh: z.string(), en: z.string() }).nullable(),
});
export type OrderingProduct = z.infer<typeof orderingProductSchema>;

const lineQtySchema = z.object({ productId: z.number(), demandQty: z.number(), availableQty: z.number(), orderedQty: z.number() });

export const retailerOrderingSchema = z.object({
  retailer: z.object({
    id: z.number(),
    customerCode: z.string(),
    shopName: z.string(),
    tier: z.number(),
    network: z.enum(['urban', 'rural']),
    orderWeekday: z.number(),
    settlementMethod: z.string(),
    eSettlement: z.boolean(),
  }),
  window: z.object({ planId: z.number(), weekStart: z.string(), orderDate: z.string(), opensAt: z.string(), closesAt: z.string(), open: z.boolean() }).nullable(),
  products: z.array(orderingProductSchema),
  currentOrder: z.object({ orderId: z.number(), version: z.number(), lines: z.array(lineQtySchema) }).nullable(),
  lastOrders: z.array(
    z.object({
      id: z.number(),
      orderDate: z.string(),
      channel: z.string(),
      totalQty: z.number(),
      totalAmount: z.number(),
      settlementStatus: z.string(),
      lines: z.array(lineQtySchema),
    }),
  ),
  /** The suggested order (建议订量): this week's forecast within the limits, with why; from the last orders while no forecast exists. */
  suggested: z.array(suggestedLineSchema),
});
export type RetailerOrdering = z.infer<typeof retailerOrderingSchema>;

export const planIdParams = z.object({ id: idParamSchema });
export const planWindowParams = z.object({ id: idParamSchema, weekday: z.coerce.number().int().min(1).max(7) });
export const setOrderWindowSchema = z.object({
  opensAt: z.coerce.date(),
  closesAt: z.coerce.date(),
  /** Why the window moves (a holiday, an extension): kept in the audit log and handed to the notice that tells the retailers. */
  reason: textSchema.max(200).default(''),
});
export type SetOrderWindowInput = z.infer<typeof setOrderWindowSchema>;

export const planListSchema = z.object({ items: z.array(planSummarySchema) });
/** POST …/allocate answers at once with the queued job; the screen follows it. */
export const allocationQueuedSchema = planDetailSchema.extend({ job: jobViewSchema });
export const remindersQueuedSchema = z.object({ queued: z.number() });
export const publishedPlanSchema = planDetailSchema.extend({ reminders: remindersQueuedSchema });
export const orderWindowSchema = z.object({
  weekday: z.number(),
  orderDate: z.string(),
  opensAt: timestamp,
  closesAt: timestamp,
  /** Active retailers whose order day this is: who a change of this window concerns. */
  retailers: z.number(),
  /** Moved from the default (08:00 the day before to 17:00 on the order day, Beijing time). */
  changed: z.boolean(),
});
export const orderWindowsSchema = z.object({ items: z.array(orderWindowSchema) });
export type OrderWindow = z.input<typeof orderWindowSchema>;
export const orderReplySchema = orderResultSchema.extend({ replayed: z.boolean() });
