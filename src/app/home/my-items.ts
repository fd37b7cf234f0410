// The retailer's own home on their phone: today's order window with the
// week's limits of scarce brands, their open cases and the ones waiting for
// their verdict, and unread notices. Read through the same use-cases as the
// order page, the case list and the inbox, so the numbers agree.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { getRetailerOrdering } from '../ordering/ordering-queries.js';
import { findMyCases } from '../desk/find-cases.js';
import { findInbox } from '../notices/inbox.js';
import type { HomeTag } from '../../shared/home.js';
import type { HomeProvider } from './home-registry.js';
import { homeItem, homeRow, ROWS, toneOf } from './home-item.js';

const myWindow: HomeProvider = {
  key: 'ordering.my_window',
  roles: ['retailer'],
  async load({ db, viewer, now, monday }) {
    if (!viewer.retailerId) return null;
    const o = await getRetailerOrdering(db, viewer, viewer.retailerId, now);
    if (!o.window) return closedWindow(db, viewer.orgId, viewer.retailerId, now, monday);
    const limited = o.products.filter((p) => p.scarce && (p.limitQty ?? 0) > 0);
    const ordered = new Map((o.currentOrder?.lines ?? []).map((l) => [l.productId, l.orderedQty]));
    const tag: HomeTag = o.currentOrder ? 'ordered' : o.window.open ? 'open' : 'upcoming';
    return homeItem('ordering.my_window', {
      group: 'todo',
      count: limited.length,
      tag,
      tone: tag === 'open' ? 'warning' : tag === 'ordered' ? 'good' : 'normal',
      link: '/my-order',
      date: o.window.orderDate,
      at: o.window.open ? o.window.closesAt : o.window.opensAt,
      rows: limited.slice(0, ROWS).map((p) => homeRow({ label: p.name, sub: p.code, value: ordered.get(p.productId) ?? 0, total: p.limitQty })),
    });
  },
};

/** This week's window of the shop's order day has closed (or there is no plan): what it was, and what was ordered of each limit. */
async function closedWindow(db: Db, orgId: number, retailerId: number, now: Date, monday: string) {
  const [w] = await query<{ planId: number; orderDate: string; closesAt: string; ordered: boolean }>(
    db,
    sql`select w.plan_id as "planId", w.order_date::text as "orderDate", w.closes_at as "closesAt",
        exists (select 1 from plan_orders po where po.plan_id = w.plan_id and po.retailer_id = ${retailerId}) as ordered
      from order_windows w join supply_plans p on p.org_id = w.org_id and p.id = w.plan_id and p.status = 'published'
      where w.org_id = ${orgId} and w.weekday = (select order_weekday from retailers where id = ${retailerId} and org_id = ${orgId})
        and w.order_date >= ${monday}::date and w.closes_at <= ${now.toISOString()}::timestamptz
      order by w.closes_at desc limit 1`,
  );
  if (!w) return homeItem('ordering.my_window', { group: 'todo', count: 0, tag: 'none', link: '/my-order' });
  const limits = await query<{ name: string; code: string; limitQty: number; orderedQty: number }>(
    db,
    sql`select p.name, p.code, l.limit_qty as "limitQty", l.ordered_qty as "orderedQty" from order_limits l join products p on p.org_id = l.org_id and p.id = l.product_id
      where l.plan_id = ${w.planId} and l.retailer_id = ${retailerId} and l.limit_qty > 0 order by p.price_class, p.code`,
  );
  const tag: HomeTag = w.ordered ? 'ordered' : 'closed';
  return homeItem('ordering.my_window', {
    group: 'todo',
    count: limits.length,
    tag,
    tone: w.ordered ? 'good' : 'normal',
    link: '/my-order',
    date: w.orderDate,
    at: w.closesAt,
    rows: limits.slice(0, ROWS).map((l) => homeRow({ label: l.name, sub: l.code, value: l.orderedQty, total: l.limitQty })),
  });
}

const myCases: HomeProvider = {
  key: 'desk.my_cases',
  roles: ['retailer'],
  async load({ db, viewer }) {
    const cases = (await findMyCases(db, viewer)).filter((c) => c.status !== 'closed' || c.surveyPending);
    const survey = cases.filter((c) => c.surveyPending).length;
    return homeItem('desk.my_cases', {
      group: 'todo',
      count: cases.length,
      extra: survey,
      tone: toneOf(0, survey),
      link: '/my-cases',
      rows: cases.slice(0, ROWS).map((c) => homeRow({ label: c.text, at: c.openedAt as string, tag: c.surveyPending ? 'survey' : null })),
    });
  },
};

const unread: HomeProvider = {
  key: 'notices.unread',
  roles: ['retailer', 'grid_worker', 'station_head', 'call_agent', 'county_manager', 'admin'],
  async load({ db, viewer, now }) {
    const inbox = await findInbox(db, viewer, now, { unreadOnly: true, limit: ROWS });
    // Staff see the item only when something is unread; the retailer always (their notices are their news).
    if (viewer.role !== 'retailer' && inbox.unread === 0) return null;
    return homeItem('notices.unread', {
      group: viewer.role === 'retailer' ? 'todo' : 'watch',
      count: inbox.unread,
      tone: inbox.items.some((n) => n.urgent) ? 'danger' : 'normal',
      link: '/notices',
      rows: inbox.items.map((n) => homeRow({ label: n.title, at: n.at })),
    });
  },
};

export const myProviders: HomeProvider[] = [myWindow, myCases, unread];
