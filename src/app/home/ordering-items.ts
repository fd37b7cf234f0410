// Ordering on the home: today's call list (the shops whose window is open
// today and who have not ordered), the shops whose window closes today
// without an order, failed deductions, and the approvals marketing decides
// (emergency supply, returns and corrections).
import { sql } from 'drizzle-orm';
import { query } from '../../db/client.js';
import { retailerScope } from '../../db/scope.js';
import { addDays } from '../../domain/visits/visit-cycle.js';
import type { HomeContext, HomeProvider } from './home-registry.js';
import { homeItem, homeRow, ROWS, toneOf } from './home-item.js';

type ShopRow = { n: number; id: number; shopName: string; customerCode: string; closesAt: string };

/** Active shops in scope whose published window matches `window` (alias w) and who have no order in its plan. */
async function notOrdered({ db, viewer }: HomeContext, window: ReturnType<typeof sql>): Promise<ShopRow[]> {
  return query<ShopRow>(
    db,
    sql`select count(*) over ()::int as n, r.id, r.shop_name as "shopName", r.customer_code as "customerCode", w.closes_at as "closesAt"
      from order_windows w join supply_plans p on p.org_id = w.org_id and p.id = w.plan_id and p.status = 'published'
      join retailers r on r.org_id = w.org_id and r.order_weekday = w.weekday and r.status = 'active'
      join grids g on g.org_id = r.org_id and g.id = r.grid_id
      where w.org_id = ${viewer.orgId} and ${window} and ${retailerScope(viewer)}
        and not exists (select 1 from plan_orders po where po.plan_id = w.plan_id and po.retailer_id = r.id)
      order by w.closes_at, r.tier desc, r.id limit ${ROWS}`,
  );
}

const callList: HomeProvider = {
  key: 'ordering.call_list',
  roles: ['call_agent'],
  async load(ctx) {
    const t = sql`${ctx.now.toISOString()}::timestamptz`;
    const rows = await notOrdered(ctx, sql`w.order_date = ${ctx.today}::date and w.opens_at <= ${t} and w.closes_at > ${t}`);
    const n = rows[0]?.n ?? 0;
    return homeItem('ordering.call_list', {
      group: 'todo',
      count: n,
      tone: toneOf(0, n),
      link: '/take-orders',
      rows: rows.map((r) => homeRow({ label: r.shopName, sub: r.customerCode, at: r.closesAt, tag: 'not_ordered', link: `/take-orders?retailerId=${r.id}` })),
    });
  },
};

const windowClosing: HomeProvider = {
  key: 'ordering.window_closing',
  roles: ['grid_worker', 'station_head'],
  async load(ctx) {
    const rows = await notOrdered(ctx, sql`w.closes_at > ${ctx.now.toISOString()}::timestamptz and w.closes_at < ${ctx.dayEnd.toISOString()}::timestamptz`);
    const n = rows[0]?.n ?? 0;
    return homeItem('ordering.window_closing', {
      group: 'todo',
      count: n,
      tone: toneOf(0, n),
      link: '/take-orders',
      rows: rows.map((r) => homeRow({ label: r.shopName, sub: r.customerCode, at: r.closesAt, tag: 'not_ordered', link: `/take-orders?retailerId=${r.id}` })),
    });
  },
};

const failedDeductions: HomeProvider = {
  key: 'settlement.failed',
  roles: ['grid_worker', 'station_head', 'county_manager'],
  async load({ db, viewer }) {
    // The settlement screen's rule (findFailedDeductions): failed, or sent back to the bank after a failure.
    const rows = await query<{ n: number; shopName: string; customerCode: string; orderDate: string; amount: number; status: string }>(
      db,
      sql`select count(*) over ()::int as n, r.shop_name as "shopName", r.customer_code as "customerCode", o.order_date::text as "orderDate",
          o.total_amount::float8 as amount, o.settlement_status as status
        from orders o join retailers r on r.org_id = o.org_id and r.id = o.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
        left join lateral (select a.status from settlement_attempts a where a.order_id = o.id order by a.at desc, a.id desc limit 1) la on true
        where o.org_id = ${viewer.orgId} and o.status = 'confirmed' and o.settlement_status in ('failed', 'pending') and ${retailerScope(viewer)}
          and (o.settlement_status = 'failed' or la.status = 'failed')
        order by o.order_date desc, o.id desc limit ${ROWS}`,
    );
    const n = rows[0]?.n ?? 0;
    return homeItem('settlement.failed', {
      group: 'todo',
      count: n,
      tone: toneOf(n, 0),
      link: '/settlement',
      rows: rows.map((r) => homeRow({ label: r.shopName, sub: r.customerCode, date: r.orderDate, amount: r.amount, tag: r.status === 'failed' ? 'failed' : 'retrying' })),
    });
  },
};

const emergency: HomeProvider = {
  key: 'approvals.emergency',
  roles: ['county_manager', 'admin'],
  async load({ db, viewer }) {
    const rows = await query<{ n: number; shopName: string; product: string; qty: number; at: string }>(
      db,
      sql`select count(*) over ()::int as n, r.shop_name as "shopName", p.name as product, e.qty, e.created_at as at
        from emergency_requests e join retailers r on r.org_id = e.org_id and r.id = e.retailer_id join products p on p.org_id = e.org_id and p.id = e.product_id
        where e.org_id = ${viewer.orgId} and e.status = 'pending' order by e.created_at, e.id limit ${ROWS}`,
    );
    const n = rows[0]?.n ?? 0;
    return homeItem('approvals.emergency', {
      group: 'todo',
      count: n,
      tone: toneOf(0, n),
      link: '/emergency',
      rows: rows.map((r) => homeRow({ label: r.shopName, sub: r.product, value: r.qty, at: r.at })),
    });
  },
};

const corrections: HomeProvider = {
  key: 'approvals.corrections',
  roles: ['county_manager', 'admin'],
  async load({ db, viewer }) {
    const rows = await query<{ n: number; shopName: string; product: string; qty: number; kind: string; at: string }>(
      db,
      sql`select count(*) over ()::int as n, r.shop_name as "shopName", p.name as product, c.qty, c.kind, c.created_at as at
        from order_corrections c join order_lines l on l.org_id = c.org_id and l.id = c.order_line_id join orders o on o.org_id = l.org_id and o.id = l.order_id
        join retailers r on r.org_id = o.org_id and r.id = o.retailer_id join products p on p.org_id = l.org_id and p.id = l.product_id
        where c.org_id = ${viewer.orgId} and c.status = 'pending' order by c.created_at, c.id limit ${ROWS}`,
    );
    const n = rows[0]?.n ?? 0;
    return homeItem('approvals.corrections', {
      group: 'todo',
      count: n,
      tone: toneOf(0, n),
      link: '/orders?tab=review',
      rows: rows.map((r) => homeRow({ label: r.shopName, sub: r.product, value: r.qty, at: r.at })),
    });
  },
};

const planStatus: HomeProvider = {
  key: 'supply.plan_status',
  roles: ['county_manager', 'admin'],
  async load({ db, viewer, today, monday }) {
    // Shops ordered of the shops whose order day has come this week.
    const [p] = await query<{ id: number; status: string; ordered: number; due: number }>(
      db,
      sql`select p.id, p.status,
          (select count(*)::int from plan_orders po where po.plan_id = p.id) as ordered,
          (select count(*)::int from retailers r join order_windows w on w.org_id = p.org_id and w.plan_id = p.id and w.weekday = r.order_weekday
            where r.org_id = p.org_id and r.status = 'active' and w.order_date <= ${today}::date) as due
        from supply_plans p where p.org_id = ${viewer.orgId} and p.week_start = ${monday}::date`,
    );
    if (!p) return homeItem('supply.plan_status', { group: 'watch', count: 0, tag: 'none', tone: 'warning', link: '/supply' });
    return homeItem('supply.plan_status', {
      group: 'watch',
      count: p.ordered,
      total: p.status === 'published' ? p.due : null,
      tag: p.status === 'published' ? 'published' : 'draft',
      tone: p.status === 'published' ? 'normal' : 'warning',
      link: '/supply',
    });
  },
};

const ordersWeek: HomeProvider = {
  key: 'figures.orders_week',
  roles: ['county_manager', 'admin'],
  async load({ db, viewer, today }) {
    const [r] = await query<{ amount: number; n: number }>(
      db,
      sql`select coalesce(sum(o.total_amount), 0)::float8 as amount, count(*)::int as n from orders o
        where o.org_id = ${viewer.orgId} and o.status = 'confirmed' and o.order_date between ${addDays(today, -6)}::date and ${today}::date`,
    );
    return homeItem('figures.orders_week', { group: 'figures', count: r.amount, unit: 'yuan', extra: r.n, link: '/orders' });
  },
};

export const orderingProviders: HomeProvider[] = [callList, windowClosing, failedDeductions, emergency, corrections, planStatus, ordersWeek];
