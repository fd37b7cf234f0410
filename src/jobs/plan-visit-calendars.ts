// Job: the visit calendar of a cycle for every grid worker of an org (or the
// ones named). Reads each worker's retailers with their frequency policy,
// plans the cycle (src/domain/visits) and replaces the worker's plan for that
// cycle in one transaction. Deterministic for a given county and cycle.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { query, type Db } from '../db/client.js';
import { visitPlans, visitPlanStops } from '../db/schema-visits.js';
import { getFrequencyRules, getVisitSettings, type VisitSettings } from '../app/visits/visit-config-queries.js';
import { cycleOf, workingDays } from '../domain/visits/visit-cycle.js';
import { planWorkerCycle, type CycleRetailer, type CyclePlanRequest, type CycleSolveOptions } from '../domain/visits/plan-worker-cycle.js';
import { compute } from '../solver/compute.js';
import type { FrequencyRule } from '../domain/visits/visit-policy.js';
import { findRetailerPolicies } from '../app/visits/visit-policy-queries.js';
import type { DistanceProvider } from '../domain/routing/distance-provider.js';
import { createOsrmProvider } from './osrm-distance-provider.js';

export const planVisitCalendarsPayload = z.object({
  orgId: z.number().int(),
  /** Any day of the cycle to plan. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  workerIds: z.array(z.number().int()).optional(),
  /** Keep an existing plan instead of replacing it. */
  onlyMissing: z.boolean().optional(),
});
export type PlanVisitCalendarsPayload = z.infer<typeof planVisitCalendarsPayload>;

export type WorkerPlanResult = { workerId: number; planId: number | null; retailers: number; visits: number; km: number; ms: number; unplanned: number };

type WorkerRow = { id: number; stationId: number | null; depotLat: number | null; depotLng: number | null; depot: string };
export function workerRetailers(db: Db, orgId: number, workerId: number, rules: FrequencyRule[]): Promise<CycleRetailer[]> {
  return findRetailerPolicies(db, sql`r.org_id = ${orgId} and g.worker_id = ${workerId} and r.status = 'active'`, rules);
}

async function workersOf(db: Db, orgId: number, ids?: number[]): Promise<WorkerRow[]> {
  const rows = await query<WorkerRow>(
    db,
    sql`select u.id, u.station_id as "stationId",
        case when d.start_from = 'home' and d.home_lat is not null then d.home_lat else s.lat end as "depotLat",
        case when d.start_from = 'home' and d.home_lat is not null then d.home_lng else s.lng end as "depotLng",
        case when d.start_from = 'home' and d.home_lat is not null then 'home' else 'station' end as depot
      from users u left join stations s on s.org_id = u.org_id and s.id = u.station_id left join worker_visit_depots d on d.org_id = u.org_id and d.worker_id = u.id
      where u.org_id = ${orgId} and u.role = 'grid_worker' and u.active order by u.id`,
  );
  return ids ? rows.filter((w) => ids.includes(w.id)) : rows;
}

/** Road distances from OSRM_URL when set; otherwise great-circle × the org's road factor. */
export function defaultDistanceProvider(): DistanceProvider | null {
  const url = process.env.OSRM_URL;
  return url ? createOsrmProvider({ url }) : null;
}

export async function planVisitCalendars(
  db: Db,
  payload: PlanVisitCalendarsPayload,
  now: Date,
  solve: CycleSolveOptions = {},
  distances: DistanceProvider | null = defaultDistanceProvider(),
  onWorker: (done: number, total: number) => Promise<void> = async () => {},
): Promise<{ cycleStart: string; cycleEnd: string; workers: WorkerPlanResult[] }> {
  const settings = await getVisitSettings(db, payload.orgId);
  const rules = await getFrequencyRules(db, payload.orgId);
  const cycle = cycleOf(payload.date, settings.cycleAnchor, settings.cycleWeeks);
  const days = workingDays(cycle.start, settings.cycleWeeks, settings.workWeekdays);
  const workers = await workersOf(db, payload.orgId, payload.workerIds);
  const results: WorkerPlanResult[] = [];
  for (const [k, w] of workers.entries()) {
    await onWorker(k, workers.length);
    if (payload.onlyMissing) {
      const [existing] = await db
        .select({ id: visitPlans.id })
        .from(visitPlans)
        .where(and(eq(visitPlans.orgId, payload.orgId), eq(visitPlans.workerId, w.id), eq(visitPlans.cycleStart, cycle.start)));
      if (existing) continue;
    }
    results.push(await planOneWorker(db, payload.orgId, w, rules, settings, cycle, days, now, solve, distances));
  }
  return { cycleStart: cycle.start, cycleEnd: cycle.end, workers: results };
}

/** A clock cannot cross into the worker; the worker keeps its own. */
function withoutClock({ now: _now, ...rest }: CycleSolveOptions): Omit<CycleSolveOptions, 'now'> {
  return rest;
}

async function planOneWorker(
  db: Db,
  orgId: number,
  w: WorkerRow,
  rules: FrequencyRule[],
  settings: VisitSettings,
  cycle: { start: string; end: string },
  days: ReturnType<typeof workingDays>,
  now: Date,
  solve: CycleSolveOptions,
  distances: DistanceProvider | null,
): Promise<WorkerPlanResult> {
  const t0 = Date.now();
  const retailers = await workerRetailers(db, orgId, w.id, rules);
  if (w.depotLat === null || w.depotLng === null) {
    return { workerId: w.id, planId: null, retailers: retailers.length, visits: 0, km: 0, ms: Date.now() - t0, unplanned: retailers.length };
  }
  const depot = { lat: w.depotLat, lng: w.depotLng };
  const table = distances && retailers.length ? await distances.table([depot, ...retailers]) : undefined;
  const request: CyclePlanRequest = {
    table,
    depot,
    retailers,
    days,
    dayStart: settings.dayStart,
    dayEnd: settings.dayEnd,
    policy: settings.orderDayPolicy,
    workWeekdays: settings.workWeekdays,
    roadFactor: settings.roadFactor,
    speedKmh: settings.speedKmh,
  };
  // Solved in a worker (decision 0810); the reads and the write stay here. A worker with no shops has an empty calendar:
  // nothing to solve, no round trip to a worker (decision 1929).
  const plan = retailers.length
    ? await compute('visitCycle', { request, options: { seed: w.id, maxIterations: 3000, ...withoutClock(solve) } })
    : planWorkerCycle(request);
  const work = plan.days.map((d) => d.travelMinutes + d.serviceMinutes);
  const stats = {
    retailers: retailers.length,
    visits: plan.visits,
    km: Math.round(plan.travelMetres / 100) / 10,
    dayMinutes: { min: Math.min(...work), max: Math.max(...work), avg: Math.round(work.reduce((a, b) => a + b, 0) / Math.max(1, work.length)) },
    unplanned: plan.unplanned,
    relaxed: plan.relaxed.length,
    late: plan.days.reduce((a, d) => a + d.stops.filter((s) => s.late).length, 0),
    distances: distances && 'lastSource' in distances ? (distances as { lastSource: () => string }).lastSource() : 'haversine',
  };
  const planId = await db.transaction(async (tx) => {
    // Visits keep their history but lose the link to a stop of the replaced plan; the composite
    // key (org_id, plan_stop_id) cannot be nulled by ON DELETE SET NULL, so it is done here (decision 1900).
    await tx.execute(sql`update visits set plan_stop_id = null
      where org_id = ${orgId} and plan_stop_id in (select s.id from visit_plan_stops s join visit_plans p on p.org_id = s.org_id and p.id = s.plan_id
        where p.org_id = ${orgId} and p.worker_id = ${w.id} and p.cycle_start = ${cycle.start})`);
    await tx.delete(visitPlans).where(and(eq(visitPlans.orgId, orgId), eq(visitPlans.workerId, w.id), eq(visitPlans.cycleStart, cycle.start)));
    const [row] = await tx
      .insert(visitPlans)
      .values({
        orgId,
        workerId: w.id,
        stationId: w.stationId,
        cycleStart: cycle.start,
        cycleEnd: cycle.end,
        depot: w.depot,
        depotLat: w.depotLat!,
        depotLng: w.depotLng!,
        stats,
        generatedAt: now,
      })
      .returning({ id: visitPlans.id });
    const stops = plan.days.flatMap((d) =>
      d.stops.map((s) => ({
        orgId,
        planId: row.id,
        workerId: w.id,
        retailerId: s.retailerId,
        visitDate: d.date,
        seq: s.seq,
        plannedStart: s.plannedStart,
        serviceMinutes: s.serviceMinutes,
        legMetres: s.legMetres,
      })),
    );
    for (let i = 0; i < stops.length; i += 1000) await tx.insert(visitPlanStops).values(stops.slice(i, i + 1000));
    return row.id;
  });
  return { workerId: w.id, planId, retailers: retailers.length, visits: plan.visits, km: stats.km, ms: Date.now() - t0, unplanned: plan.unplanned.length };
}
