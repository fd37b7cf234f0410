// One grid worker's visit calendar for a cycle: a periodic VRP (each retailer
// its number of evenly spaced visits, placed against its order day, days kept
// even by a cap on each day's service minutes and a longest day) solved by the
// routing engine, then each day ordered as a single route through the shops'
// opening hours from the depot (station or home) and back.
import { haversineTable, type DistanceTable, type GeoPoint } from '../routing/distance-provider.js';
import { planDayRoute } from '../routing/plan-day-route.js';
import { planPeriodicRoutes } from '../routing/plan-periodic-routes.js';
import type { WorkDay } from './visit-cycle.js';
import { allowedPatterns, relaxedPatterns, type OrderDayPolicy } from './visit-patterns.js';

export type CycleRetailer = GeoPoint & {
  id: number;
  visitsPerCycle: number;
  serviceMinutes: number;
  opensAt: number;
  closesAt: number;
  orderWeekday: number;
};

export type CyclePlanRequest = {
  depot: GeoPoint;
  retailers: readonly CycleRetailer[];
  days: readonly WorkDay[];
  /** Minutes since midnight. */
  dayStart: number;
  dayEnd: number;
  policy: OrderDayPolicy;
  workWeekdays: readonly number[];
  roadFactor: number;
  speedKmh: number;
  /** Allowed workload per day above the even share; default 0.15 (15 %). */
  balanceSlack?: number;
  /** Metres and seconds over [depot, ...retailers] (e.g. from a road server); great-circle × road factor when absent. */
  table?: DistanceTable;
};

export type CycleSolveOptions = {
  seed?: number;
  /** Ruin-and-recreate iterations of the periodic solve. */
  maxIterations?: number;
  timeLimitMs?: number;
  now?: () => number;
};

export type PlannedStop = { retailerId: number; seq: number; plannedStart: number; serviceMinutes: number; legMetres: number; late: boolean };

export type PlannedDay = {
  date: string;
  stops: PlannedStop[];
  travelMetres: number;
  travelMinutes: number;
  serviceMinutes: number;
  /** When the worker is back at the depot. */
  endsAt: number;
};

export type CyclePlan = {
  days: PlannedDay[];
  /** Retailers with no place in the calendar. */
  unplanned: number[];
  /** Retailers placed only after relaxing the order-day rule. */
  relaxed: number[];
  visits: number;
  travelMetres: number;
};

export function planWorkerCycle(req: CyclePlanRequest, options: CycleSolveOptions = {}): CyclePlan {
  const { retailers, days } = req;
  const emptyDays = (): PlannedDay[] =>
    days.map((d) => ({ date: d.date, stops: [], travelMetres: 0, travelMinutes: 0, serviceMinutes: 0, endsAt: req.dayStart }));
  if (retailers.length === 0 || days.length === 0) return { days: emptyDays(), unplanned: retailers.map((r) => r.id), relaxed: [], visits: 0, travelMetres: 0 };

  const table = req.table ?? haversineTable([req.depot, ...retailers], { roadFactor: req.roadFactor, speedKmh: req.speedKmh });
  if (table.size !== retailers.length + 1) throw new Error('distance table must cover the depot and every retailer');
  const minutes = table.duration.map((s) => s / 60);
  const visitsOf = (r: CycleRetailer) => Math.min(Math.max(1, r.visitsPerCycle), days.length);
  // A visit's workload: its service plus the travel it is likely to add (the
  // mean time to its two nearest neighbours); each day's workload is capped
  // near the even share, which is what keeps the days balanced.
  // A far shop also carries its share of the drive out and back (the day's
  // depot round trip spread over the day's stops), so far days hold fewer stops.
  const totalVisits = retailers.reduce((a, r) => a + visitsOf(r), 0);
  const stopsPerDay = Math.max(1, totalVisits / days.length);
  const workload = retailers.map(
    (r, i) => r.serviceMinutes + nearTravel(minutes, retailers.length + 1, i + 1) + (2 * minutes[i + 1]) / stopsPerDay,
  );
  const totalWorkload = workload.reduce((a, w, i) => a + w * visitsOf(retailers[i]), 0);
  const capacity = Math.max(Math.max(...workload), (totalWorkload / days.length) * (1 + (req.balanceSlack ?? 0.15)));

  let patterns = retailers.map((r) => allowedPatterns(visitsOf(r), days, r.orderWeekday, req.policy, req.workWeekdays));
  const solve = () =>
    planPeriodicRoutes(
      {
        distance: table.distance,
        travelTime: minutes,
        days: days.length,
        vehiclesPerDay: 1,
        capacity,
        maxDuration: req.dayEnd - req.dayStart,
        customers: retailers.map((r, i) => ({ demand: workload[i], serviceTime: r.serviceMinutes, patterns: patterns[i].patterns })),
      },
      { seed: options.seed ?? 1, maxIterations: options.maxIterations, timeLimitMs: options.timeLimitMs, now: options.now },
    );
  let plan = solve();
  const relaxed = new Set<number>();
  if (plan.unassigned.length) {
    // A second pass lets the retailers that did not fit go on any day off their order day.
    patterns = patterns.map((p, i) =>
      plan.unassigned.includes(i) ? { patterns: relaxedPatterns(visitsOf(retailers[i]), days, retailers[i].orderWeekday, req.workWeekdays), relaxed: true } : p,
    );
    plan = solve();
  }
  patterns.forEach((p, i) => {
    if (p.relaxed && !plan.unassigned.includes(i)) relaxed.add(retailers[i].id);
  });

  const out = emptyDays();
  for (const route of plan.routes) {
    if (route.customers.length) out[route.day] = orderDay(req, days[route.day].date, route.customers, table.distance, minutes);
  }
  const travelMetres = out.reduce((a, d) => a + d.travelMetres, 0);
  return {
    days: out,
    unplanned: plan.unassigned.map((i) => retailers[i].id),
    relaxed: [...relaxed],
    visits: out.reduce((a, d) => a + d.stops.length, 0),
    travelMetres,
  };
}

function nearTravel(minutes: Float64Array, n: number, node: number): number {
  let a = Infinity;
  let b = Infinity;
  for (let j = 1; j < n; j++) {
    if (j === node) continue;
    const t = minutes[node * n + j];
    if (t < a) [a, b] = [t, a];
    else if (t < b) b = t;
  }
  if (!Number.isFinite(a)) return minutes[node];
  return Number.isFinite(b) ? (a + b) / 2 : a;
}

/** One day's stops in the shortest order through their opening hours; stops that cannot keep their hours go last, marked late. */
function orderDay(req: CyclePlanRequest, date: string, customers: readonly number[], distance: Float64Array, minutes: Float64Array): PlannedDay {
  const n = req.retailers.length + 1;
  const nodes = [0, 0, ...customers.map((c) => c + 1)];
  const k = nodes.length;
  const sub = (m: Float64Array) => {
    const out = new Float64Array(k * k);
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) out[i * k + j] = m[nodes[i] * n + nodes[j]];
    return out;
  };
  const stops = customers.map((c) => {
    const r = req.retailers[c];
    return { serviceTime: r.serviceMinutes, opensAt: r.opensAt, closesAt: Math.max(r.opensAt, r.closesAt - r.serviceMinutes) };
  });
  const dist = sub(distance);
  const time = sub(minutes);
  const route = planDayRoute(
    { distance: dist, travelTime: time, departAt: req.dayStart, returnBy: Math.max(req.dayEnd, 23 * 60), stops },
    { exactUpTo: 9, maxIterations: 600, seed: 7 },
  );
  const order = [...route.order];
  const late = new Set<number>();
  // Unreachable stops: nearest-next from the end of the route.
  const rest = route.unreachable.map((u) => u.stop);
  while (rest.length) {
    const last = order.length ? order[order.length - 1] + 2 : 0;
    rest.sort((a, b) => dist[last * k + a + 2] - dist[last * k + b + 2]);
    const next = rest.shift()!;
    late.add(next);
    order.push(next);
  }
  const planned: PlannedStop[] = [];
  let at = req.dayStart;
  let prev = 0;
  let prevService = 0;
  let travelMetres = 0;
  let travelMinutes = 0;
  let serviceMinutes = 0;
  for (const s of order) {
    const node = s + 2;
    const leg = dist[prev * k + node];
    travelMetres += leg;
    travelMinutes += time[prev * k + node];
    at = Math.max(at + prevService + time[prev * k + node], stops[s].opensAt);
    if (at > stops[s].closesAt + 1e-9) late.add(s);
    planned.push({
      retailerId: req.retailers[customers[s]].id,
      seq: planned.length + 1,
      plannedStart: Math.round(at),
      serviceMinutes: stops[s].serviceTime,
      legMetres: Math.round(leg),
      late: late.has(s),
    });
    serviceMinutes += stops[s].serviceTime;
    prev = node;
    prevService = stops[s].serviceTime;
  }
  travelMetres += dist[prev * k + 1];
  travelMinutes += time[prev * k + 1];
  return {
    date,
    stops: planned,
    travelMetres: Math.round(travelMetres),
    travelMinutes: Math.round(travelMinutes),
    serviceMinutes,
    endsAt: Math.round(at + prevService + time[prev * k + 1]),
  };
}
