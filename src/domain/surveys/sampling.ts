// The sample of a round, stratified by station, grid, tier band and business
// format, drawn per client manager: each manager's quota is
// ceil(share × their active retailers), shared out over their strata in
// proportion to the strata's sizes (largest remainders), then drawn at random
// (seeded) among the eligible shops of each stratum; a stratum with too few
// eligible shops passes its rest to the others. A manager whose eligible
// shops cannot fill the quota is a shortfall: the round is refused (decision 1701).

export type SampleUnit = {
  retailerId: number;
  /** The client manager being rated (the grid's worker); null for a grid without one. */
  workerId: number | null;
  stationId: number;
  gridId: number;
  tier: number;
  format: string;
  /** False when left out (e.g. sampled in the last round under rotation); still counts in the quota base. */
  eligible: boolean;
};

export type Shortfall = { workerId: number | null; gridIds: number[]; population: number; quota: number; eligible: number };

export type SampleDraw = { retailerIds: number[]; strata: number; groups: number; shortfalls: Shortfall[] };

/** Tier bands of five: 1–5, 6–10, … 26–30. */
export function tierBand(tier: number): number {
  return Math.min(6, Math.max(1, Math.ceil(tier / 5)));
}

export function stratumOf(u: Pick<SampleUnit, 'stationId' | 'gridId' | 'tier' | 'format'>): string {
  return `${u.stationId}|${u.gridId}|${tierBand(u.tier)}|${u.format}`;
}

export function quotaOf(population: number, share: number): number {
  // The small epsilon keeps 0.1 × 30 at 3, not 4, in floating point.
  return Math.min(population, Math.ceil(population * share - 1e-9));
}

export function drawSample(units: readonly SampleUnit[], share: number, seed: number): SampleDraw {
  const rand = mulberry32(seed);
  const groups = new Map<string, SampleUnit[]>();
  for (const u of units) {
    const k = u.workerId === null ? `g${u.gridId}` : `w${u.workerId}`;
    const list = groups.get(k);
    if (list) list.push(u);
    else groups.set(k, [u]);
  }
  const picked: number[] = [];
  const shortfalls: Shortfall[] = [];
  const allStrata = new Set<string>();
  for (const members of [...groups.values()].sort((a, b) => a[0].retailerId - b[0].retailerId)) {
    const quota = quotaOf(members.length, share);
    const eligible = members.filter((m) => m.eligible).length;
    if (eligible < quota) {
      shortfalls.push({ workerId: members[0].workerId, gridIds: [...new Set(members.map((m) => m.gridId))].sort((a, b) => a - b), population: members.length, quota, eligible });
      continue;
    }
    const strata = new Map<string, SampleUnit[]>();
    for (const m of members) {
      const k = stratumOf(m);
      allStrata.add(k);
      const list = strata.get(k);
      if (list) list.push(m);
      else strata.set(k, [m]);
    }
    const keys = [...strata.keys()].sort();
    const take = allocate(
      keys.map((k) => strata.get(k)!.length),
      keys.map((k) => strata.get(k)!.filter((m) => m.eligible).length),
      quota,
      rand,
    );
    keys.forEach((k, i) => {
      const pool = strata
        .get(k)!
        .filter((m) => m.eligible)
        .sort((a, b) => a.retailerId - b.retailerId);
      shuffle(pool, rand);
      for (const m of pool.slice(0, take[i])) picked.push(m.retailerId);
    });
  }
  return { retailerIds: picked.sort((a, b) => a - b), strata: allStrata.size, groups: groups.size, shortfalls };
}

/**
 * Split `total` over strata in proportion to `sizes`, never more than a
 * stratum's `capacity`. Each stratum gets the floor of its share, and the
 * fractions are rounded by systematic sampling from one random start
 * (`rand`): a stratum gets its extra unit with probability equal to its
 * fraction, so every shop keeps its chance quota / population of being drawn,
 * even in a stratum too small for a whole unit. What a full stratum cannot
 * take goes to the others by the same rule.
 */
export function allocate(sizes: readonly number[], capacity: readonly number[], total: number, rand: () => number = () => 0.5): number[] {
  const take = sizes.map(() => 0);
  let left = total;
  for (let round = 0; left > 0 && round < sizes.length + 1; round++) {
    const open = sizes.map((_, i) => i).filter((i) => take[i] < capacity[i]);
    if (open.length === 0) break;
    const weight = open.reduce((s, i) => s + sizes[i], 0);
    const ideal = open.map((i) => (weight > 0 ? (left * sizes[i]) / weight : left / open.length));
    const room = open.map((i) => capacity[i] - take[i]);
    const base = ideal.map((x, j) => Math.min(Math.floor(x), room[j]));
    let given = base.reduce((s, x) => s + x, 0);
    const start = rand();
    let cum = 0;
    for (let j = 0; j < open.length && given < left; j++) {
      const before = cum;
      cum += ideal[j] - Math.floor(ideal[j]);
      // One systematic point u, u + 1, u + 2, … falls in (before, cum]: this stratum's extra unit.
      if (Math.floor(cum - start) > Math.floor(before - start) && base[j] < room[j]) {
        base[j] += 1;
        given += 1;
      }
    }
    open.forEach((i, j) => (take[i] += base[j]));
    left -= given;
    if (given === 0 && round > 0) {
      // Float residue: hand the last units to the first strata with room.
      for (const i of open) while (left > 0 && take[i] < capacity[i]) (take[i] += 1), (left -= 1);
      break;
    }
  }
  return take;
}

function shuffle<T>(a: T[], rand: () => number) {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
}

export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
