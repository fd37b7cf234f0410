// A grid's monthly workload: visits a month × (service time + travel). Travel
// per visit is the road time from the grid's centre to the shop (straight
// line × detour ÷ speed); its sum over a grid is the weighted k-median cost,
// so balancing workload also rewards compact grids. Every figure is data.

export type WorkloadModel = {
  /** Visits a month by star (index 0 = unrated … 6 = 超五星). */
  visitsByStar: readonly number[];
  /** Extra visits a month for urban-network shops (denser, more competition). */
  urbanExtraVisits: number;
  /** Minutes on site per visit, by business format; `default` for the rest. */
  serviceMinutes: Readonly<Record<string, number>>;
  speedKmh: number;
  /** Road distance ÷ straight-line distance. */
  detour: number;
};

export const DEFAULT_WORKLOAD_MODEL: WorkloadModel = {
  visitsByStar: [1, 1, 1, 2, 2, 4, 4],
  urbanExtraVisits: 1,
  serviceMinutes: { S: 25, N: 30, Y: 20, default: 15 },
  speedKmh: 30,
  detour: 1.3,
};

export type RetailerForWorkload = { star: number; network: string; businessFormat: string };

export function visitsPerMonth(r: RetailerForWorkload, model: WorkloadModel = DEFAULT_WORKLOAD_MODEL): number {
  const byStar = model.visitsByStar[Math.max(0, Math.min(model.visitsByStar.length - 1, r.star))] ?? 1;
  return byStar + (r.network === 'urban' ? model.urbanExtraVisits : 0);
}

export function serviceMinutes(r: RetailerForWorkload, model: WorkloadModel = DEFAULT_WORKLOAD_MODEL): number {
  return model.serviceMinutes[r.businessFormat] ?? model.serviceMinutes.default ?? 15;
}

/** Minutes of travel for one visit at `km` straight-line from the grid's centre. */
export function travelMinutes(km: number, model: Pick<WorkloadModel, 'speedKmh' | 'detour'>): number {
  return ((km * model.detour) / model.speedKmh) * 60;
}

export type BalanceFigures = {
  grids: number;
  max: number;
  min: number;
  mean: number;
  /** max ÷ min of the grids' workloads. */
  maxMinRatio: number;
  /** Coefficient of variation: standard deviation ÷ mean. */
  cv: number;
};

export function balanceFigures(workloads: readonly number[]): BalanceFigures {
  const n = workloads.length;
  if (n === 0) return { grids: 0, max: 0, min: 0, mean: 0, maxMinRatio: 1, cv: 0 };
  const max = Math.max(...workloads);
  const min = Math.min(...workloads);
  const mean = workloads.reduce((a, b) => a + b, 0) / n;
  const variance = workloads.reduce((a, w) => a + (w - mean) ** 2, 0) / n;
  return { grids: n, max, min, mean, maxMinRatio: min > 0 ? max / min : Infinity, cv: mean > 0 ? Math.sqrt(variance) / mean : 0 };
}
