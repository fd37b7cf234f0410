// Visits on the home: the worker's stops today and overdue follow-ups; the
// station head's missed visits and each worker's progress today; the county's
// visits this week. Progress figures come from findProgress, so they are the
// ones the visit-progress screen shows.
import { sql } from 'drizzle-orm';
import { query } from '../../db/client.js';
import { addDays } from '../../domain/visits/visit-cycle.js';
import { findProgress } from '../visits/visit-progress-queries.js';
import type { HomeProvider } from './home-registry.js';
import { homeItem, homeRow, ROWS, toneOf } from './home-item.js';

const stopsToday: HomeProvider = {
  key: 'visit.stops_today',
  roles: ['grid_worker'],
  async load({ db, viewer, today, dayStart }) {
    // A stop counts from the day its calendar was made (decision 1411); done = visited that day.
    const stops = await query<{ retailerId: number; shopName: string; customerCode: string; plannedStart: number; done: boolean }>(
      db,
      sql`select s.retailer_id as "retailerId", r.shop_name as "shopName", r.customer_code as "customerCode", s.planned_start as "plannedStart",
          exists (select 1 from visits v where v.worker_id = s.worker_id and v.retailer_id = s.retailer_id and v.status = 'done' and v.visit_date = s.visit_date) as done
        from visit_plan_stops s join visit_plans p on p.org_id = s.org_id and p.id = s.plan_id join retailers r on r.org_id = s.org_id and r.id = s.retailer_id
        where s.org_id = ${viewer.orgId} and s.worker_id = ${viewer.userId} and s.visit_date = ${today}::date
          and s.visit_date >= (p.generated_at at time zone 'Asia/Shanghai')::date
        order by s.seq`,
    );
    const done = stops.filter((s) => s.done).length;
    return homeItem('visit.stops_today', {
      group: 'todo',
      count: done,
      total: stops.length,
      tone: done === stops.length && stops.length > 0 ? 'good' : 'normal',
      link: '/field',
      rows: stops
        .filter((s) => !s.done)
        .slice(0, ROWS)
        .map((s) =>
          homeRow({ label: s.shopName, sub: s.customerCode, at: new Date(dayStart.getTime() + s.plannedStart * 60_000).toISOString(), tag: 'pending', link: '/field' }),
        ),
    });
  },
};

const followUpsOverdue: HomeProvider = {
  key: 'visit.follow_ups_overdue',
  roles: ['grid_worker'],
  async load({ db, viewer, now }) {
    const rows = await query<{ n: number; shopName: string; text: string; dueAt: string }>(
      db,
      sql`select count(*) over ()::int as n, r.shop_name as "shopName", f.text, f.due_at as "dueAt"
        from follow_ups f join retailers r on r.org_id = f.org_id and r.id = f.retailer_id
        where f.org_id = ${viewer.orgId} and f.worker_id = ${viewer.userId} and f.status = 'open' and f.due_at < ${now.toISOString()}::timestamptz
        order by f.due_at limit ${ROWS}`,
    );
    const n = rows[0]?.n ?? 0;
    return homeItem('visit.follow_ups_overdue', {
      group: 'todo',
      count: n,
      tone: toneOf(n, 0),
      link: '/field',
      rows: rows.map((r) => homeRow({ label: r.shopName, sub: r.text, at: r.dueAt, tag: 'breached' })),
    });
  },
};

const missed: HomeProvider = {
  key: 'visit.missed',
  roles: ['station_head', 'county_manager', 'admin'],
  async load({ db, viewer, now, today }) {
    const p = await findProgress(db, viewer, { from: addDays(today, -7), to: addDays(today, -1), today }, now);
    const workers = p.workers.filter((w) => w.missed > 0).sort((a, b) => b.missed - a.missed);
    const n = workers.reduce((a, w) => a + w.missed, 0);
    return homeItem('visit.missed', {
      group: 'watch',
      count: n,
      tone: toneOf(0, n),
      link: '/visit-progress',
      rows: workers.slice(0, ROWS).map((w) => homeRow({ label: w.name, value: w.missed, total: w.planned, tag: 'missed', link: `/visit-progress?workerId=${w.workerId}` })),
    });
  },
};

const workersToday: HomeProvider = {
  key: 'visit.workers_today',
  roles: ['station_head'],
  async load({ db, viewer, now, today }) {
    const p = await findProgress(db, viewer, { from: today, to: today, today }, now);
    const done = p.workers.reduce((a, w) => a + w.done + w.late, 0);
    const planned = p.workers.reduce((a, w) => a + w.planned, 0);
    return homeItem('visit.workers_today', {
      group: 'watch',
      count: done,
      total: planned,
      link: '/visit-progress',
      // Least done first: the worker who may need a call.
      rows: [...p.workers]
        .sort((a, b) => a.done / Math.max(1, a.planned) - b.done / Math.max(1, b.planned))
        .slice(0, ROWS)
        .map((w) => homeRow({ label: w.name, value: w.done + w.late, total: w.planned, link: `/visit-progress?workerId=${w.workerId}` })),
    });
  },
};

const visitsWeek: HomeProvider = {
  key: 'figures.visits_week',
  roles: ['county_manager', 'admin'],
  async load({ db, viewer, now, today, monday }) {
    const p = await findProgress(db, viewer, { from: monday, to: today, today }, now);
    const done = p.workers.reduce((a, w) => a + w.done + w.late, 0);
    const planned = p.workers.reduce((a, w) => a + w.planned, 0);
    return homeItem('figures.visits_week', { group: 'figures', count: done, total: planned, link: '/visit-progress' });
  },
};

export const visitProviders: HomeProvider[] = [stopsToday, followUpsOverdue, missed, workersToday, visitsWeek];
