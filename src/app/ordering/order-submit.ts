// Taking an order: one rule set for the call centre, self-service and visits.
// Everything happens in one transaction: the idempotency key is claimed first
// (a concurrent retry waits on it, then replays the stored answer); the
// retailer must be in the viewer's scope and inside its order window; each
// scarce line raises the retailer's limit counter with one conditional UPDATE
// (ordered + delta <= limit), so no interleaving can oversell; any failure
// rolls everything back.
import { writeAudit } from '../audit/audit.js';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { isUniqueViolation, type Db } from '../../db/client.js';
import { orderFactSums, orderMarginSum, refreshOrderFacts } from '../../db/order-facts.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { retailerScope } from '../../db/scope.js';
import { AppError, type FieldError } from '../../shared/app-error.js';
import type { AmendOrderInput, OrderResult, SubmitOrderInput } from '../../shared/ordering.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

async function rows<T>(tx: Pick<Tx, 'execute'>, statement: ReturnType<typeof sql>): Promise<T[]> {
  return ((await tx.execute(statement)) as unknown as { rows: T[] }).rows;
}

type LineIn = { productId: number; demandQty?: number; orderedQty: number };

export type SubmitOutcome = { status: 200 | 201; replayed: boolean; order: OrderResult };

function requestHash(body: unknown): string {
  return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

/** Claims the key; answers the stored outcome when the key was already used. */
async function claimKey(tx: Tx, viewer: Viewer, key: string, hash: string): Promise<SubmitOutcome | null> {
  const claimed = await rows<{ key: string }>(
    tx,
    sql`insert into idempotency_keys (org_id, key, request_hash, user_id) values (${viewer.orgId}, ${key}, ${hash}, ${viewer.userId})
        on conflict do nothing returning key`,
  );
  if (claimed.length) return null;
  const stored = await storedOutcome(tx, viewer, key, hash);
  if (!stored) throw new AppError('idempotency_mismatch');
  return stored;
}

type OrderContext = {
  retailerId: number;
  settlementMethod: string;
  planId: number;
  orderDate: string;
  existingOrderId: number | null;
  existingVersion: number;
};

/** The retailer in scope, its open window in a published plan, and its order there if any. */
async function orderContext(tx: Tx, viewer: Viewer, retailerId: number, now: Date): Promise<OrderContext> {
  const [ctx] = await rows<{
    retailerId: number;
    settlementMethod: string;
    planId: number | null;
    orderDate: string | null;
  }>(
    tx,
    sql`select r.id as "retailerId", r.settlement_method as "settlementMethod", w.plan_id as "planId", w.order_date::text as "orderDate"
        from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id
        left join lateral (
          select w.plan_id, w.order_date from order_windows w join supply_plans p on p.org_id = w.org_id and p.id = w.plan_id
          where p.org_id = r.org_id and p.status = 'published' and w.weekday = r.order_weekday
            and w.opens_at <= ${now.toISOString()}::timestamptz and w.closes_at > ${now.toISOString()}::timestamptz
          order by w.opens_at desc limit 1) w on true
        where r.id = ${retailerId} and r.status = 'active' and ${retailerScope(viewer)}`,
  );
  if (!ctx) throw new AppError('not_found');
  if (ctx.planId === null || ctx.orderDate === null) throw new AppError('outside_window');
  // One order per retailer and plan: serialise this retailer's submissions (creates, amends, retries).
  await tx.execute(sql`select pg_advisory_xact_lock(${ctx.planId}, ${retailerId})`);
  const [existing] = await rows<{ orderId: number; version: number }>(
    tx,
    sql`select order_id::int8 as "orderId", version from plan_orders where org_id = ${viewer.orgId} and plan_id = ${ctx.planId} and retailer_id = ${retailerId}`,
  );
  return {
    retailerId,
    settlementMethod: ctx.settlementMethod,
    planId: ctx.planId,
    orderDate: ctx.orderDate,
    existingOrderId: existing ? Number(existing.orderId) : null,
    existingVersion: existing?.version ?? 0,
  };
}

type PricedLine = LineIn & { demand: number; available: number; code: string; name: string; price: number };

/** Checks products, moves the limit counters by the change in ordered cartons, and prices the lines. */
async function applyLines(tx: Tx, viewer: Viewer, ctx: OrderContext, lines: LineIn[]): Promise<PricedLine[]> {
  const previous = new Map<number, number>();
  if (ctx.existingOrderId !== null) {
    const old = await rows<{ productId: number; orderedQty: number }>(
      tx,
      sql`select product_id as "productId", ordered_qty as "orderedQty" from order_lines where org_id = ${viewer.orgId} and order_id = ${ctx.existingOrderId}`,
    );
    for (const o of old) previous.set(o.productId, o.orderedQty);
  }
  const ids = [...new Set([...lines.map((l) => l.productId), ...previous.keys()])];
  const products = await rows<{ id: number; code: string; name: string; price: number; scarce: boolean; active: boolean }>(
    tx,
    sql`select p.id, p.code, p.name as name, p.wholesale_price::float8 as price, coalesce(i.scarce, false) as scarce, p.active
        from products p left join supply_plan_items i on i.org_id = p.org_id and i.plan_id = ${ctx.planId} and i.product_id = p.id
        where p.org_id = ${viewer.orgId} and p.id = any(${sql.raw(`'{${ids.join(',')}}'::int[]`)})`,
  );
  const byId = new Map(products.map((p) => [p.id, p]));
  const unknown: FieldError[] = lines.flatMap((l, i) => (byId.get(l.productId)?.active ? [] : [{ field: `lines.${i}.productId`, code: 'unknown_product' }]));
  if (unknown.length) throw new AppError('unknown_product', unknown);

  // Every scarce product touched, now or in the order being amended, with the change in cartons.
  const deltas = new Map<number, number>();
  for (const l of lines) if (byId.get(l.productId)!.scarce) deltas.set(l.productId, l.orderedQty - (previous.get(l.productId) ?? 0));
  for (const [pid, q] of previous) if (!deltas.has(pid) && q > 0 && byId.get(pid)?.scarce) deltas.set(pid, -q);

  const limits = new Map<number, number>();
  if (deltas.size) {
    const values = [...deltas].map(([pid, d]) => `(${pid},${d})`).join(',');
    const moved = await rows<{ productId: number; limitQty: number }>(
      tx,
      sql`update order_limits l set ordered_qty = l.ordered_qty + d.delta
          from (values ${sql.raw(values)}) as d(product_id, delta)
          where l.org_id = ${viewer.orgId} and l.plan_id = ${ctx.planId} and l.retailer_id = ${ctx.retailerId} and l.product_id = d.product_id
            and l.ordered_qty + d.delta <= l.limit_qty
          returning l.product_id as "productId", l.limit_qty as "limitQty"`,
    );
    for (const m of moved) limits.set(m.productId, m.limitQty);
    const over: FieldError[] = [];
    lines.forEach((l, i) => {
      const d = deltas.get(l.productId);
      // A scarce product without a limit row has a limit of 0; a raise that did not move was over the limit.
      if (d !== undefined && !limits.has(l.productId) && (d > 0 || l.orderedQty > 0)) over.push({ field: `lines.${i}.orderedQty`, code: 'over_limit' });
    });
    if (over.length) {
      const avail = await rows<{ productId: number; limitQty: number }>(
        tx,
        sql`select product_id as "productId", limit_qty as "limitQty" from order_limits
            where org_id = ${viewer.orgId} and plan_id = ${ctx.planId} and retailer_id = ${ctx.retailerId} and product_id = any(${sql.raw(`'{${[...deltas.keys()].join(',')}}'::int[]`)})`,
      );
      const a = new Map(avail.map((x) => [x.productId, x.limitQty]));
      throw new AppError('over_limit', over, {
        limits: over.map((f) => {
          const pid = lines[Number(f.field.split('.')[1])].productId;
          return { productId: pid, availableQty: a.get(pid) ?? 0 };
        }),
      });
    }
  }
  return lines.map((l) => {
    const p = byId.get(l.productId)!;
    const demand = l.demandQty ?? l.orderedQty;
    // 可用量: the limit for a scarce product; otherwise what was asked (no limit).
    const available = p.scarce ? (limits.get(l.productId) ?? 0) : Math.max(demand, l.orderedQty);
    return { ...l, demand, available, code: p.code, name: p.name, price: p.price };
  });
}

async function writeLines(tx: Tx, viewer: Viewer, orderId: number, lines: PricedLine[]) {
  const values = lines.map(
    (l) => sql`(${viewer.orgId}, ${orderId}, ${l.productId}, ${l.demand}, ${l.available}, ${l.orderedQty}, ${l.price}, ${Math.round(l.orderedQty * l.price * 100) / 100})`,
  );
  await tx.execute(
    sql`insert into order_lines (org_id, order_id, product_id, demand_qty, available_qty, ordered_qty, unit_price, amount) values ${sql.join(values, sql`, `)}`,
  );
}

function totals(lines: PricedLine[]) {
  const qty = lines.reduce((s, l) => s + l.orderedQty, 0);
  const amount = Math.round(lines.reduce((s, l) => s + l.orderedQty * l.price, 0) * 100) / 100;
  return { qty, amount };
}

function result(ctx: OrderContext, orderId: number, channel: string, version: number, lines: PricedLine[]): OrderResult {
  const t = totals(lines);
  return {
    orderId,
    planId: ctx.planId,
    retailerId: ctx.retailerId,
    orderDate: ctx.orderDate,
    channel,
    version,
    totalQty: t.qty,
    totalAmount: t.amount,
    settlementMethod: ctx.settlementMethod,
    settlementStatus: 'pending',
    lines: lines.map((l) => ({
      productId: l.productId,
      productCode: l.code,
      productName: l.name,
      demandQty: l.demand,
      availableQty: l.available,
      orderedQty: l.orderedQty,
      unitPrice: l.price,
      amount: Math.round(l.orderedQty * l.price * 100) / 100,
    })),
  };
}

async function storeOutcome(tx: Tx, viewer: Viewer, key: string, status: number, order: OrderResult) {
  await tx.execute(
    sql`update idempotency_keys set status_code = ${status}, response = ${JSON.stringify(order)}::jsonb where org_id = ${viewer.orgId} and key = ${key}`,
  );
}

const ids = (xs: number[]) => sql.raw(`'{${xs.join(',')}}'::int[]`);

type SubmitRow = {
  claimed: boolean;
  retailerId: number | null;
  planId: number | null;
  orderDate: string | null;
  existing: number | null;
  allKnown: boolean | null;
  lines: { productId: number; known: boolean; scarce: boolean; moved: boolean; qty: number }[] | null;
  orderId: number | null;
  body: OrderResult | null;
};

/**
 * The whole order in one statement: find the retailer in scope and its open
 * window, raise every scarce line's counter where it stays within the limit,
 * and only if every line is known and every raise held, write the order, its
 * lines, the plan's one-order row; then claim the idempotency key with the
 * answer. Anything short of a new order with a claimed key is rolled back by
 * the caller (counters included).
 */
function submitSql(viewer: Viewer, input: SubmitOrderInput, hash: string, now: Date) {
  const iso = now.toISOString();
  const values = input.lines.map((l, i) => sql`(${l.productId}::int, ${l.demandQty ?? l.orderedQty}::int, ${l.orderedQty}::int, ${i}::int)`);
  return sql`with c as (
      select r.id as rid, r.settlement_method, w.plan_id, w.order_date,
        (select po.order_id::int8 from plan_orders po where po.org_id = r.org_id and po.plan_id = w.plan_id and po.retailer_id = r.id) as existing
      from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id
      left join lateral (
        select w.plan_id, w.order_date from order_windows w join supply_plans p on p.org_id = w.org_id and p.id = w.plan_id
        where p.org_id = r.org_id and p.status = 'published' and w.weekday = r.order_weekday
          and w.opens_at <= ${iso}::timestamptz and w.closes_at > ${iso}::timestamptz
        order by w.opens_at desc limit 1) w on true
      where r.id = ${input.retailerId} and r.status = 'active' and ${retailerScope(viewer)}),
    d(product_id, demand, qty, ord) as (values ${sql.join(values, sql`, `)}),
    pr as (
      select d.*, coalesce(p.active, false) as known, p.code, p.name, p.wholesale_price as price, p.retail_price as retail, p.price_class as pc, coalesce(i.scarce, false) as scarce
      from d left join products p on p.id = d.product_id and p.org_id = ${viewer.orgId}
      left join supply_plan_items i on i.org_id = ${viewer.orgId} and i.plan_id = (select plan_id from c) and i.product_id = d.product_id),
    go as (
      select c.plan_id is not null and c.existing is null and (select bool_and(known) from pr) as ok from c),
    u as (
      update order_limits l set ordered_qty = l.ordered_qty + pr.qty from pr, c
      where (select ok from go) and l.org_id = ${viewer.orgId} and l.plan_id = c.plan_id and l.retailer_id = c.rid and l.product_id = pr.product_id
        and l.ordered_qty + pr.qty <= l.limit_qty
      returning l.product_id, l.limit_qty),
    ln as (
      select pr.*, u.product_id is not null as moved,
        case when pr.scarce then coalesce(u.limit_qty, 0) else greatest(pr.demand, pr.qty) end as available,
        round(pr.qty * pr.price, 2) as amount
      from pr left join u on u.product_id = pr.product_id),
    fine as (
      select (select ok from go) and not exists (select 1 from ln where scarce and qty > 0 and not moved) as ok),
    t as (select sum(qty)::int as qty, sum(amount) as amount, ${sql.raw(orderFactSums('qty', 'amount', 'pc'))}, ${sql.raw(orderMarginSum('qty', 'price', 'retail'))} from ln),
    o as (
      insert into orders (org_id, retailer_id, order_date, channel, status, total_qty, total_amount, class1_qty, class1_amount, class12_qty, line_count,
        margin_amount, settlement_method, settlement_status, created_by)
      select ${viewer.orgId}, c.rid, c.order_date, ${input.channel}, 'confirmed', t.qty, t.amount, t.q1, t.v1, t.q12, t.n, t.m,
        c.settlement_method, 'pending', ${viewer.userId}
      from c, t where (select ok from fine)
      returning id),
    l as (
      insert into order_lines (org_id, order_id, product_id, demand_qty, available_qty, ordered_qty, unit_price, amount)
      select ${viewer.orgId}, o.id, ln.product_id, ln.demand, ln.available, ln.qty, ln.price, ln.amount from o, ln),
    po as (
      insert into plan_orders (org_id, plan_id, retailer_id, order_id, version) select ${viewer.orgId}, c.plan_id, c.rid, o.id, 1 from o, c),
    body as (
      select jsonb_build_object('orderId', o.id, 'planId', c.plan_id, 'retailerId', c.rid, 'orderDate', c.order_date::text,
        'channel', ${input.channel}::text, 'version', 1, 'totalQty', t.qty, 'totalAmount', t.amount::float8,
        'settlementMethod', c.settlement_method, 'settlementStatus', 'pending',
        'lines', (select jsonb_agg(jsonb_build_object('productId', ln.product_id, 'productCode', ln.code, 'productName', ln.name,
            'demandQty', ln.demand, 'availableQty', ln.available, 'orderedQty', ln.qty, 'unitPrice', ln.price::float8, 'amount', ln.amount::float8)
          order by ln.ord) from ln)) as b
      from o, c, t),
    -- The key is claimed last, with the answer: a concurrent request with the same key waits here
    -- (or on the plan's one-order row) until the first commits, then finds it taken.
    k as (
      insert into idempotency_keys (org_id, key, request_hash, user_id, status_code, response)
      values (${viewer.orgId}, ${input.idempotencyKey}, ${hash}, ${viewer.userId}, (select 201 from o), (select b from body))
      on conflict do nothing returning 1)
    select exists (select 1 from k) as claimed, c.rid as "retailerId", c.plan_id as "planId", c.order_date::text as "orderDate",
      c.existing, (select bool_and(known) from pr) as "allKnown",
      (select json_agg(json_build_object('productId', product_id, 'known', known, 'scarce', scarce, 'moved', moved, 'qty', qty) order by ord) from ln) as lines,
      (select id::int8 from o) as "orderId", (select b from body) as body
    from (select 1) one left join c on true`;
}

/** Raised inside the transaction to roll it back when the key turns out to be taken. */
class KeyTaken extends Error {}

/** The stored answer of an earlier submission with this key, or a refusal when the key came with another body. */
async function storedOutcome(db: Pick<Tx, 'execute'>, viewer: Viewer, key: string, hash: string): Promise<SubmitOutcome | null> {
  const [prev] = await rows<{ requestHash: string; statusCode: number | null; response: OrderResult | null }>(
    db,
    // Only the user who made the key may replay it: anyone else learns nothing of the order behind it.
    sql`select request_hash as "requestHash", status_code as "statusCode", response from idempotency_keys
        where org_id = ${viewer.orgId} and key = ${key} and user_id = ${viewer.userId}`,
  );
  if (!prev) return null;
  if (prev.requestHash !== hash || prev.statusCode === null || !prev.response) throw new AppError('idempotency_mismatch');
  return { status: prev.statusCode as 200 | 201, replayed: true, order: prev.response };
}

export async function submitOrder(db: Db, viewer: Viewer, input: SubmitOrderInput, now: Date): Promise<SubmitOutcome> {
  const hash = requestHash({ op: 'submit', ...input });
  try {
    return await db.transaction(async (tx) => {
      const [c] = await rows<SubmitRow>(tx, submitSql(viewer, input, hash, now));
      if (!c.claimed) throw new KeyTaken();
      if (c.retailerId === null) throw new AppError('not_found');
      if (c.planId === null || c.orderDate === null) throw new AppError('outside_window');
      if (c.existing !== null) throw new AppError('order_exists', [], { orderId: Number(c.existing) });
      const lines = c.lines ?? [];
      const unknown: FieldError[] = lines.flatMap((f, i) => (f.known ? [] : [{ field: `lines.${i}.productId`, code: 'unknown_product' }]));
      if (unknown.length) throw new AppError('unknown_product', unknown);
      if (c.orderId !== null && c.body) {
        await writeAudit(tx, viewer, { action: 'submit', entity: 'order', entityIds: [Number(c.orderId)], detail: { channel: input.channel, lines: input.lines.length } }, now);
        return { status: 201 as const, replayed: false, order: { ...c.body, orderId: Number(c.orderId) } };
      }

      // Some raise did not hold: nothing was written but counters, which the thrown error rolls back.
      // A concurrent first order of this retailer may have taken the limit: then the answer is that the order exists.
      const [po] = await rows<{ orderId: number }>(tx, sql`select order_id::int8 as "orderId" from plan_orders where plan_id = ${c.planId} and retailer_id = ${c.retailerId}`);
      if (po) throw new AppError('order_exists', [], { orderId: Number(po.orderId) });
      const over = lines.flatMap((f, i) => (f.scarce && !f.moved && f.qty > 0 ? [{ i, productId: f.productId }] : []));
      const avail = await rows<{ productId: number; limitQty: number }>(
        tx,
        sql`select product_id as "productId", limit_qty as "limitQty" from order_limits where plan_id = ${c.planId} and retailer_id = ${c.retailerId} and product_id = any(${ids(over.map((o) => o.productId))})`,
      );
      const a = new Map(avail.map((x) => [x.productId, x.limitQty]));
      throw new AppError(
        'over_limit',
        over.map((o) => ({ field: `lines.${o.i}.orderedQty`, code: 'over_limit' })),
        { limits: over.map((o) => ({ productId: o.productId, availableQty: a.get(o.productId) ?? 0 })) },
      );
    });
  } catch (e) {
    // The key was taken by an earlier submission (a retry), or two first orders of one retailer
    // raced and this one hit the plan's one-order key (possibly the same request sent twice):
    // answer what is stored under the key, if anything.
    const raced = isUniqueViolation(e);
    if (e instanceof KeyTaken || raced) {
      const stored = await storedOutcome(db, viewer, input.idempotencyKey, hash);
      if (stored) return stored;
      throw new AppError(raced ? 'order_exists' : 'idempotency_mismatch');
    }
    throw e;
  }
}

/** Replaces the lines of an order while its window is open. */
export async function amendOrder(db: Db, viewer: Viewer, orderId: number, input: AmendOrderInput, now: Date): Promise<SubmitOutcome> {
  return db.transaction(async (tx) => {
    const replay = await claimKey(tx, viewer, input.idempotencyKey, requestHash({ op: 'amend', orderId, ...input }));
    if (replay) return replay;
    const [o] = await rows<{ retailerId: number; channel: string; status: string }>(
      tx,
      sql`select retailer_id as "retailerId", channel, status from orders where id = ${orderId} and org_id = ${viewer.orgId}`,
    );
    if (!o || o.status !== 'confirmed') throw new AppError('not_found');
    const ctx = await orderContext(tx, viewer, o.retailerId, now);
    // The order must be this week's order of the open window; an older one is closed.
    if (ctx.existingOrderId !== orderId) throw new AppError('outside_window');
    const lines = await applyLines(tx, viewer, ctx, input.lines);
    await tx.execute(sql`delete from order_lines where order_id = ${orderId}`);
    await writeLines(tx, viewer, orderId, lines);
    await refreshOrderFacts(tx, sql`o.id = ${orderId}`);
    const version = ctx.existingVersion + 1;
    await tx.execute(
      sql`update plan_orders set version = ${version}, amended_at = ${now.toISOString()}::timestamptz where plan_id = ${ctx.planId} and retailer_id = ${ctx.retailerId}`,
    );
    const order = result(ctx, orderId, o.channel, version, lines);
    await storeOutcome(tx, viewer, input.idempotencyKey, 200, order);
    await writeAudit(tx, viewer, { action: 'update', entity: 'order', entityIds: [orderId], detail: { lines: lines.length } }, now);
    return { status: 200, replayed: false, order };
  });
}
