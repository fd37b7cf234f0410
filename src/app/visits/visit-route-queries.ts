// A worker's day: the planned stops in order with each shop's visit of that
// day (check-in point and status), and visits to shops off the plan. The same
// answer drives the field screen and the station head's walked-vs-planned map.
import { findRouteLaunches } from '../cultivation/launch-queries.js';
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { workerScope } from '../../db/visit-scope.js';
import { findRetailerPolicies } from './visit-policy-queries.js';
import { getFrequencyRules, getVisitSettings } from './visit-config-queries.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { cycleOf } from '../../domain/visits/visit-cycle.js';
import type { DayRoute } from '../../shared/visits.js';
import { AppError } from '../../shared/app-error.js';
import { piiPolicy } from '../../domain/access/permissions.js';
import { maskPhone } from '../../domain/access/masking.js';

export type WorkerRef = { id: number; name: string; stationId: number | null };

/** The worker a request is about: a worker is always themselves; others name one in their scope. */
export async function resolveWorker(db: Db, viewer: Viewer, workerId: number | undefined): Promise<WorkerRef> {
  const id = viewer.role === 'grid_worker' ? (workerId ?? viewer.userId) : workerId;
  if (id === undefined) throw new AppError('validation_failed', [{ field: 'workerId', code: 'required' }]);
  const [w] = await query<WorkerRef>(
    db,
    sql`select u.id, u.display_name as name, u.station_id as "stationId" from users u where u.id = ${id} and ${workerScope(viewer)}`,
  );
  if (!w) throw new AppError('not_found');
  return w;
}

type StopRow = {
  stopId: number;
  seq: number;
  plannedStart: number;
  serviceMinutes: number;
  legMetres: number;
  planId: number;
  retailerId: number;
  shopName: string;
  address: string;
  lat: number;
  lng: number;
  star: number;
  orderWeekday: number;
  phone: string;
};
type VisitRow = {
  id: string;
  retailerId: number;
  status: string;
  checkedInAt: string;
  lat: number;
  lng: number;
  distanceM: number;
  displayScore: number | null;
  shopName: string;
  address: string;
  rLat: number;
  rLng: number;
  star: number;
  orderWeekday: number;
  phone: string;
};

/** Reads only: a missing calendar is the caller's to queue (src/jobs/visit-calendars.ts). */
export async function findDayRoute(db: Db, viewer: Viewer, worker: WorkerRef, date: string): Promise<DayRoute> {
  const settings = await getVisitSettings(db, viewer.orgId);
  const cycle = cycleOf(date, settings.cycleAnchor, settings.cycleWeeks);
  const [plan] = await query<{ id: number; depotLat: number; depotLng: number; depot: string }>(
    db,
    sql`select id, depot_lat as "depotLat", depot_lng as "depotLng", depot from visit_plans
      where org_id = ${viewer.orgId} and worker_id = ${worker.id} and cycle_start = ${cycle.start}`,
  );
  const stops = plan
    ? await query<StopRow>(
        db,
        sql`select s.id as "stopId", s.seq, s.planned_start as "plannedStart", s.service_minutes as "serviceMinutes", s.leg_metres as "legMetres",
            s.plan_id as "planId", r.id as "retailerId", r.shop_name as "shopName", r.address, r.lat, r.lng, r.star, r.order_weekday as "orderWeekday", r.phone
          from visit_plan_stops s join retailers r on r.org_id = s.org_id and r.id = s.retailer_id join visit_plans p on p.org_id = s.org_id and p.id = s.plan_id
          where s.plan_id = ${plan.id} and s.visit_date = ${date}
            -- as the progress counts them: no stops on days before the calendar was made (decision 1411)
            and s.visit_date >= (p.generated_at at time zone 'Asia/Shanghai')::date
          order by s.seq`,
      )
    : [];
  const visits = await query<VisitRow>(
    db,
    sql`select v.id::text as id, v.retailer_id as "retailerId", v.status, v.checked_in_at as "checkedInAt", v.check_in_lat as lat, v.check_in_lng as lng,
        v.check_in_distance_m as "distanceM", v.display_score as "displayScore",
        r.shop_name as "shopName", r.address, r.lat as "rLat", r.lng as "rLng", r.star, r.order_weekday as "orderWeekday", r.phone
      from visits v join retailers r on r.org_id = v.org_id and r.id = v.retailer_id
      where v.org_id = ${viewer.orgId} and v.worker_id = ${worker.id} and v.visit_date = ${date}
      order by v.checked_in_at`,
  );
  const ids = [...new Set([...stops.map((s) => s.retailerId), ...visits.map((v) => v.retailerId)])];
  const rules = await getFrequencyRules(db, viewer.orgId);
  const policies = ids.length
    ? await findRetailerPolicies(db, sql`r.id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`, rules)
    : [];
  const key = new Map(policies.map((p) => [p.id, p.keyCustomer]));
  const seesPhones = piiPolicy(viewer.role).phone;
  const phone = (p: string) => (seesPhones ? p : maskPhone(p));
  const mark = (v: VisitRow) => ({
    id: v.id,
    status: v.status,
    checkedInAt: new Date(v.checkedInAt).toISOString(),
    lat: v.lat,
    lng: v.lng,
    distanceM: v.distanceM,
    displayScore: v.displayScore,
  });
  // Prefer a finished visit when a shop was checked in twice.
  const byRetailer = new Map<number, VisitRow>();
  for (const v of visits) if (!byRetailer.has(v.retailerId) || v.status === 'done') byRetailer.set(v.retailerId, v);
  const planned = new Set(stops.map((s) => s.retailerId));
  const newProducts = await query<{ name: string }>(
    db,
    sql`select distinct name from products where org_id = ${viewer.orgId} and is_new and active order by 1 limit 50`,
  );
  return {
    date,
    newProducts: newProducts.map((p) => p.name),
    // Launches whose target holds a shop of the day: the visit form asks for their shelf check and feedback.
    launches: await findRouteLaunches(db, viewer.orgId, ids, date),
    worker: { id: worker.id, name: worker.name },
    planId: plan?.id ?? null,
    cycleStart: cycle.start,
    cycleEnd: cycle.end,
    depot: plan ? { lat: plan.depotLat, lng: plan.depotLng, kind: plan.depot } : null,
    checkInRadiusM: settings.checkInRadiusM,
    stops: stops.map((s) => {
      const v = byRetailer.get(s.retailerId);
      return {
        stopId: s.stopId,
        seq: s.seq,
        plannedStart: s.plannedStart,
        serviceMinutes: s.serviceMinutes,
        legMetres: s.legMetres,
        retailer: { id: s.retailerId, shopName: s.shopName, address: s.address, lat: s.lat, lng: s.lng, star: s.star, orderWeekday: s.orderWeekday, keyCustomer: key.get(s.retailerId) ?? false, phone: phone(s.phone) },
        visit: v ? mark(v) : null,
      };
    }),
    extraVisits: [...byRetailer.values()]
      .filter((v) => !planned.has(v.retailerId))
      .map((v) => ({
        ...mark(v),
        retailer: { id: v.retailerId, shopName: v.shopName, address: v.address, lat: v.rLat, lng: v.rLng, star: v.star, orderWeekday: v.orderWeekday, keyCustomer: key.get(v.retailerId) ?? false, phone: phone(v.phone) },
      })),
    summary: {
      planned: stops.length,
      done: stops.filter((s) => byRetailer.get(s.retailerId)?.status === 'done').length,
      checkedIn: stops.filter((s) => byRetailer.has(s.retailerId)).length,
      km: Math.round(stops.reduce((a, s) => a + s.legMetres, 0) / 100) / 10,
    },
  };
}
