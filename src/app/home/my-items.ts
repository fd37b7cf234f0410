// The retailer's own home on their phone: today's order window with the
// week's limits of scarce brands, their open cases and the ones waiting for
// their verdict, and unread notices. Read through the same use-cases as the
// order page, the case list and the inbox, so the numbers agree.
import { getRetailerOrdering } from '../ordering/ordering-queries.js';
import { findMyCases } from '../desk/find-cases.js';
import { findInbox } from '../notices/inbox.js';
import type { HomeTag } from '../../shared/home.js';
import type { HomeProvider } from './home-registry.js';
import { homeItem, homeRow, ROWS, toneOf } from './home-item.js';

const myWindow: HomeProvider = {
  key: 'ordering.my_window',
  roles: ['retailer'],
  async load({ db, viewer, now }) {
    if (!viewer.retailerId) return null;
    const o = await getRetailerOrdering(db, viewer, viewer.retailerId, now);
    const limited = o.products.filter((p) => p.scarce && (p.limitQty ?? 0) > 0);
    const ordered = new Map((o.currentOrder?.lines ?? []).map((l) => [l.productId, l.orderedQty]));
    const tag: HomeTag = !o.window ? 'none' : o.currentOrder ? 'ordered' : o.window.open ? 'open' : 'upcoming';
    return homeItem('ordering.my_window', {
      group: 'todo',
      count: limited.length,
      tag,
      tone: tag === 'open' ? 'warning' : tag === 'ordered' ? 'good' : 'normal',
      link: '/my-order',
      rows: [
        ...(o.window ? [homeRow({ label: o.window.orderDate, at: o.window.open ? o.window.closesAt : o.window.opensAt, tag })] : []),
        ...limited.slice(0, ROWS - 1).map((p) => homeRow({ label: p.name, sub: p.code, value: ordered.get(p.productId) ?? 0, total: p.limitQty, tag: 'limit' })),
      ],
    });
  },
};

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
