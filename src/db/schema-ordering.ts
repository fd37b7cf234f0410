// Supply plans, allocation and order taking (issue 6). A weekly plan holds
// the supply of each product; scarce products are allocated into per-tier
// quotas, published as one limit row per retailer and product, and that row
// is also the counter orders are checked against (one conditional UPDATE).
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, date, doublePrecision, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { orderLines, orders, orgs, products, retailers, users } from './schema.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** One week's supply plan (货源计划). status: draft → published; a published plan's limits are what orders check. */
export const supplyPlans = pgTable(
  'supply_plans',
  {
    id: serial('id'),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    /** Monday of the plan's week. */
    weekStart: date('week_start').notNull(),
    status: text('status').notNull().default('draft'),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    allocatedAt: at('allocated_at'),
    publishedAt: at('published_at'),
    publishedBy: integer('published_by'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('supply_plans_org_week').on(t.orgId, t.weekStart),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'supply_plans_created_by_fk', columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ name: 'supply_plans_published_by_fk', columns: [t.orgId, t.publishedBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** A product's supply in a plan and, for a scarce one, the allocation policy and result. */
export const supplyPlanItems = pgTable(
  'supply_plan_items',
  {
    orgId: integer('org_id').notNull().references(() => orgs.id),
    planId: integer('plan_id').notNull(),
    productId: integer('product_id').notNull(),
    supplyQty: integer('supply_qty').notNull(),
    scarce: boolean('scarce').notNull().default(false),
    urbanWeight: doublePrecision('urban_weight').notNull().default(1),
    ruralWeight: doublePrecision('rural_weight').notNull().default(1),
    minTier: smallint('min_tier').notNull().default(0),
    tierExponent: doublePrecision('tier_exponent').notNull().default(1),
    maxQuota: smallint('max_quota').notNull().default(30),
    /** Filled by the allocation run. */
    allocatedQty: integer('allocated_qty'),
    /** Of allocated_qty: cartons of a layer too big to give whole, given one each by service-package priority (decision 0603). */
    priorityQty: integer('priority_qty'),
    lpBound: doublePrecision('lp_bound'),
    objective: doublePrecision('objective'),
    gapPct: doublePrecision('gap_pct'),
    method: text('method'),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.productId, t.orgId] }), check('supply_plan_items_qty', sql`${t.supplyQty} >= 0`),
    foreignKey({ name: 'supply_plan_items_plan_id_fk', columns: [t.orgId, t.planId], foreignColumns: [supplyPlans.orgId, supplyPlans.id] }),
    foreignKey({ name: 'supply_plan_items_product_id_fk', columns: [t.orgId, t.productId], foreignColumns: [products.orgId, products.id] }),
  ],
);

/** The per-tier quota (限量) of a scarce product in a plan, by market. */
export const allocationQuotas = pgTable(
  'allocation_quotas',
  {
    orgId: integer('org_id').notNull().references(() => orgs.id),
    planId: integer('plan_id').notNull(),
    productId: integer('product_id').notNull(),
    tier: smallint('tier').notNull(),
    /** urban | rural */
    network: text('network').notNull(),
    quota: integer('quota').notNull(),
    retailers: integer('retailers').notNull(),
    /** Cartons its retailers receive: min(quota, cap) each, plus the remainder's extra cartons (decision 0603). */
    allocated: integer('allocated').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.productId, t.tier, t.network, t.orgId] }),
    foreignKey({ name: 'allocation_quotas_plan_id_fk', columns: [t.orgId, t.planId], foreignColumns: [supplyPlans.orgId, supplyPlans.id] }),
    foreignKey({ name: 'allocation_quotas_product_id_fk', columns: [t.orgId, t.productId], foreignColumns: [products.orgId, products.id] }),
  ],
);

/**
 * A retailer's limit (可用量) for a scarce product in a published plan, and
 * the counter of what it has ordered. ordered_qty <= limit_qty is checked by
 * the database as well as by the conditional UPDATE that raises it.
 */
export const orderLimits = pgTable(
  'order_limits',
  {
    orgId: integer('org_id').notNull().references(() => orgs.id),
    planId: integer('plan_id').notNull(),
    retailerId: integer('retailer_id').notNull(),
    productId: integer('product_id').notNull(),
    /** What the retailer can sell, from its history (the cap). */
    capQty: integer('cap_qty').notNull(),
    /** The quota of its tier and market. */
    quotaQty: integer('quota_qty').notNull(),
    limitQty: integer('limit_qty').notNull(),
    orderedQty: integer('ordered_qty').notNull().default(0),
    /** 1 when the retailer got one carton above its group's quota from the remainder, by its service package (decision 0603). */
    extraQty: smallint('extra_qty').notNull().default(0),
    /** The relationship segment whose priority won that carton (null without one). */
    extraSegment: text('extra_segment'),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.retailerId, t.productId, t.orgId] }),
    index('order_limits_product').on(t.planId, t.productId),
    check('order_limits_within', sql`${t.orderedQty} >= 0 and ${t.orderedQty} <= ${t.limitQty}`),
    foreignKey({ name: 'order_limits_plan_id_fk', columns: [t.orgId, t.planId], foreignColumns: [supplyPlans.orgId, supplyPlans.id] }),
    foreignKey({ name: 'order_limits_retailer_id_fk', columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] }),
    foreignKey({ name: 'order_limits_product_id_fk', columns: [t.orgId, t.productId], foreignColumns: [products.orgId, products.id] }),
  ],
);

/** When retailers of one order weekday may order in a plan's week. */
export const orderWindows = pgTable(
  'order_windows',
  {
    orgId: integer('org_id').notNull().references(() => orgs.id),
    planId: integer('plan_id').notNull(),
    /** ISO weekday 1..7 of the retailers it serves. */
    weekday: smallint('weekday').notNull(),
    orderDate: date('order_date').notNull(),
    opensAt: at('opens_at').notNull(),
    closesAt: at('closes_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.weekday, t.orgId] }), index('order_windows_org_dates').on(t.orgId, t.opensAt),
    foreignKey({ name: 'order_windows_plan_id_fk', columns: [t.orgId, t.planId], foreignColumns: [supplyPlans.orgId, supplyPlans.id] }),
  ],
);

/** The one order of a retailer in a plan's week; amending replaces its lines. */
export const planOrders = pgTable(
  'plan_orders',
  {
    orgId: integer('org_id').notNull().references(() => orgs.id),
    planId: integer('plan_id').notNull(),
    retailerId: integer('retailer_id').notNull(),
    orderId: bigint('order_id', { mode: 'number' })
      .notNull(),
    version: integer('version').notNull().default(1),
    amendedAt: at('amended_at'),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.retailerId, t.orgId] }), uniqueIndex('plan_orders_order').on(t.orderId, t.orgId),
    foreignKey({ name: 'plan_orders_plan_id_fk', columns: [t.orgId, t.planId], foreignColumns: [supplyPlans.orgId, supplyPlans.id] }),
    foreignKey({ name: 'plan_orders_retailer_id_fk', columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] }),
    foreignKey({ name: 'plan_orders_order_id_fk', columns: [t.orgId, t.orderId], foreignColumns: [orders.orgId, orders.id] }),
  ],
);

/** A request's idempotency key and the answer it got, so a retry returns the same answer. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    orgId: integer('org_id').notNull().references(() => orgs.id),
    key: text('key').notNull(),
    /** sha256 of the request body: the same key with another body is refused. */
    requestHash: text('request_hash').notNull(),
    userId: integer('user_id'),
    statusCode: smallint('status_code'),
    response: jsonb('response').$type<unknown>(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.key] }), index('idempotency_keys_created').on(t.createdAt),
    foreignKey({ name: 'idempotency_keys_user_id_fk', columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** Messages waiting to be sent (reminders, notices); sending belongs to a later issue. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    /** order_day_reminder | deduction_failed */
    kind: text('kind').notNull(),
    retailerId: integer('retailer_id'),
    userId: integer('user_id'),
    /** At most one message per key (e.g. reminder:plan:retailer). */
    dedupeKey: text('dedupe_key').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: at('created_at').notNull().defaultNow(),
    sentAt: at('sent_at'),
  },
  (t) => [
    uniqueIndex('outbox_dedupe').on(t.orgId, t.dedupeKey), index('outbox_unsent').on(t.orgId, t.sentAt),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'outbox_retailer_id_fk', columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] }),
    foreignKey({ name: 'outbox_user_id_fk', columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** Each settlement attempt of an order (bank deduction, POS, cash); the order row holds the latest status. */
export const settlementAttempts = pgTable(
  'settlement_attempts',
  {
    id: bigserial('id', { mode: 'number' }),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    orderId: bigint('order_id', { mode: 'number' })
      .notNull(),
    method: text('method').notNull(),
    /** deducted | failed */
    status: text('status').notNull(),
    amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    /** The bank's or POS reference, for reconciliation. */
    externalRef: text('external_ref'),
    failureReason: text('failure_reason'),
    at: at('at').notNull().defaultNow(),
    createdBy: integer('created_by'),
  },
  (t) => [
    index('settlement_attempts_order').on(t.orderId, t.at),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'settlement_attempts_order_id_fk', columns: [t.orgId, t.orderId], foreignColumns: [orders.orgId, orders.id] }),
    foreignKey({ name: 'settlement_attempts_created_by_fk', columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** A return or correction of an order line (e.g. wrong brand entered); applied when approved. */
export const orderCorrections = pgTable(
  'order_corrections',
  {
    id: serial('id'),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    orderLineId: bigint('order_line_id', { mode: 'number' })
      .notNull(),
    /** return | correction */
    kind: text('kind').notNull(),
    /** Cartons taken off the line. */
    qty: integer('qty').notNull(),
    /** For a correction: the product that should have been ordered. */
    replacementProductId: integer('replacement_product_id'),
    reason: text('reason').notNull(),
    /** pending | approved | rejected */
    status: text('status').notNull().default('pending'),
    /** Why it was approved or declined (required when declined). */
    decisionReason: text('decision_reason'),
    requestedBy: integer('requested_by'),
    decidedBy: integer('decided_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    decidedAt: at('decided_at'),
  },
  (t) => [
    index('order_corrections_line').on(t.orderLineId), check('order_corrections_qty', sql`${t.qty} > 0`),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'order_corrections_order_line_id_fk', columns: [t.orgId, t.orderLineId], foreignColumns: [orderLines.orgId, orderLines.id] }),
    foreignKey({ name: 'order_corrections_replacement_product_id_fk', columns: [t.orgId, t.replacementProductId], foreignColumns: [products.orgId, products.id] }),
    foreignKey({ name: 'order_corrections_requested_by_fk', columns: [t.orgId, t.requestedBy], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ name: 'order_corrections_decided_by_fk', columns: [t.orgId, t.decidedBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** A retailer's request for extra supply outside the plan (应急补货), decided by marketing staff. */
export const emergencyRequests = pgTable(
  'emergency_requests',
  {
    id: serial('id'),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    retailerId: integer('retailer_id').notNull(),
    productId: integer('product_id').notNull(),
    qty: integer('qty').notNull(),
    reason: text('reason').notNull(),
    /** pending | approved | declined */
    status: text('status').notNull().default('pending'),
    /** Cartons granted on approval (at most qty). */
    approvedQty: integer('approved_qty'),
    decisionReason: text('decision_reason'),
    requestedBy: integer('requested_by'),
    decidedBy: integer('decided_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    decidedAt: at('decided_at'),
  },
  (t) => [
    index('emergency_requests_org').on(t.orgId, t.status), check('emergency_requests_qty', sql`${t.qty} > 0`),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'emergency_requests_retailer_id_fk', columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] }),
    foreignKey({ name: 'emergency_requests_product_id_fk', columns: [t.orgId, t.productId], foreignColumns: [products.orgId, products.id] }),
    foreignKey({ name: 'emergency_requests_requested_by_fk', columns: [t.orgId, t.requestedBy], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ name: 'emergency_requests_decided_by_fk', columns: [t.orgId, t.decidedBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

export type SupplyPlan = typeof supplyPlans.$inferSelect;
export type SupplyPlanItem = typeof supplyPlanItems.$inferSelect;
