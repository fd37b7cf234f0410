// Wrong orders and returns (错单与退货), emergency supply (应急补货), the
// order list they start from, and the supply-plan import report: request,
// decision and response schemas used by the routes and the screens.
import { z } from 'zod';
import { idParamSchema, idSchema, textSchema } from './primitives.js';
import { orderLineSchema, orderResultSchema } from './ordering.js';

const wholeCartons = z.number({ message: 'quantity_whole' }).int({ message: 'quantity_whole' }).positive({ message: 'quantity_whole' }).max(1_000_000, { message: 'quantity_whole' });
const reasonText = textSchema.trim().min(1, { message: 'required' }).max(300, { message: 'text_too_long' });

export const CORRECTION_KINDS = ['return', 'correction'] as const;
export const CORRECTION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const EMERGENCY_STATUSES = ['pending', 'approved', 'declined'] as const;

export const correctionRequestSchema = z
  .object({
    kind: z.enum(CORRECTION_KINDS),
    /** Cartons taken off the line. */
    qty: wholeCartons,
    /** For a correction (wrong brand): the product that should have been ordered. */
    replacementProductId: idSchema.optional(),
    reason: reasonText,
  })
  .refine((c) => c.kind !== 'correction' || c.replacementProductId !== undefined, { message: 'required', path: ['replacementProductId'] });
export type CorrectionRequest = z.infer<typeof correctionRequestSchema>;

/** Approve or decline; declining needs a reason the requester will read. */
export const correctionDecisionSchema = z
  .object({ approve: z.boolean(), reason: textSchema.trim().max(300, { message: 'text_too_long' }).default('') })
  .refine((d) => d.approve || d.reason.length > 0, { message: 'decline_reason_required', path: ['reason'] });
export type CorrectionDecision = z.infer<typeof correctionDecisionSchema>;

export const correctionListQuerySchema = z.object({ status: z.enum(CORRECTION_STATUSES).optional() });

export const correctionSchema = z.object({
  id: z.number(),
  kind: z.enum(CORRECTION_KINDS),
  qty: z.number(),
  reason: z.string(),
  status: z.enum(CORRECTION_STATUSES),
  decisionReason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  requestedBy: z.string().nullable(),
  decidedBy: z.string().nullable(),
  orderLineId: z.number(),
  orderId: z.number(),
  orderDate: z.string(),
  retailerId: z.number(),
  customerCode: z.string(),
  shopName: z.string(),
  productId: z.number(),
  productName: z.string(),
  /** The line's ordered cartons now. */
  lineQty: z.number(),
  replacementProductId: z.number().nullable(),
  replacementProductName: z.string().nullable(),
});
export type Correction = z.infer<typeof correctionSchema>;

export const emergencyRequestInputSchema = z.object({
  retailerId: idSchema,
  productId: idSchema,
  qty: wholeCartons,
  reason: reasonText,
});
export type EmergencyRequestInput = z.infer<typeof emergencyRequestInputSchema>;

/** Approve with the cartons granted (at most those asked; all of them when omitted), or decline with a reason. */
export const emergencyDecisionSchema = z
  .object({
    approve: z.boolean(),
    qty: wholeCartons.optional(),
    reason: textSchema.trim().max(300, { message: 'text_too_long' }).default(''),
  })
  .refine((d) => d.approve || d.reason.length > 0, { message: 'decline_reason_required', path: ['reason'] });
export type EmergencyDecision = z.infer<typeof emergencyDecisionSchema>;

export const emergencyListQuerySchema = z.object({ status: z.enum(EMERGENCY_STATUSES).optional() });

export const emergencyRequestSchema = z.object({
  id: z.number(),
  retailerId: z.number(),
  customerCode: z.string(),
  shopName: z.string(),
  productId: z.number(),
  productCode: z.string(),
  productName: z.string(),
  qty: z.number(),
  approvedQty: z.number().nullable(),
  reason: z.string(),
  status: z.enum(EMERGENCY_STATUSES),
  decisionReason: z.string().nullable(),
  requestedBy: z.string().nullable(),
  decidedBy: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type EmergencyRequest = z.infer<typeof emergencyRequestSchema>;

export const orderListQuerySchema = z.object({
  /** Shop name, customer code or phone of the retailer. */
  q: textSchema.trim().max(50).optional(),
  /** Orders of this plan's week; without it, the week of the latest plan that has begun. */
  planId: idParamSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type OrderListQuery = z.infer<typeof orderListQuerySchema>;

/** An order line as the order answer gives it (without the unit price), with its id and what corrections hold of it. */
export const orderListLineSchema = orderLineSchema.omit({ unitPrice: true }).extend({
  id: z.number(),
  /** Cartons in pending corrections or returns of this line. */
  pendingQty: z.number(),
});

export const orderListItemSchema = orderResultSchema
  .pick({ orderDate: true, channel: true, totalQty: true, totalAmount: true, settlementStatus: true, retailerId: true })
  .extend({
    id: z.number(),
    customerCode: z.string(),
    shopName: z.string(),
    lines: z.array(orderListLineSchema),
  });
export type OrderListItem = z.infer<typeof orderListItemSchema>;

export const orderListSchema = z.object({
  /** The week shown: a plan's, else the current one. */
  week: z.object({ planId: z.number().nullable(), weekStart: z.string() }),
  total: z.number(),
  items: z.array(orderListItemSchema),
});
export type OrderList = z.infer<typeof orderListSchema>;

/** The columns of the supply-plan sheet (商品名称 is for reading only). */
export const PLAN_IMPORT_HEADERS = { code: '商品编码', name: '商品名称', supply: '可供量（条）', scarce: '是否紧俏' } as const;


export const planImportResultSchema = z.object({ updated: z.number(), added: z.number(), unlisted: z.number() });
export type PlanImportResult = z.infer<typeof planImportResultSchema>;

export const correctionCreatedSchema = z.object({ id: z.number(), status: z.literal('pending') });
export const correctionDecidedSchema = z.object({ id: z.number(), status: z.enum(['approved', 'rejected']) });
export const emergencyCreatedSchema = z.object({ id: z.number(), status: z.literal('pending') });
export const emergencyDecidedSchema = z.object({ id: z.number(), status: z.enum(['approved', 'declined']), approvedQty: z.number().nullable() });
