// The monthly batch: class, tier, star and segment for every retailer, the
// distribution, and who moved against last month. Pure and set-at-a-time:
// the job loads the aggregates, calls this, and stores the result.
import { classifyRetailers } from './classify.js';
import { cutByShares } from './rank-cut.js';
import type { RatingScheme } from './scheme.js';
import { scoreStarItems, starFromCutoffs } from './score-star.js';
import { segmentRetailer } from './segments.js';
import { capTierMove, type TierCapNote } from './tier-cap.js';
import { assignTiers } from './tiers.js';
import type { BusinessFormat, Month, Network, RetailerMonthInput, Segment, StarResult, TierContext } from './types.js';
import { validateScheme, type SchemeError } from './validate-scheme.js';

export interface RetailerRating {
  retailerId: string;
  month: Month;
  schemeVersion: string;
  network: Network;
  format: BusinessFormat;
  classCode: string;
  scale: number;
  tier: number;
  tierScore: number;
  star: StarResult;
  segment: Segment;
  /** Set when scoring was frozen for the month (e.g. after a recorded disaster): last month's result is carried. */
  frozenReason?: string;
  /** Set when the computed tier moved further than the scheme's monthly cap (held, or let through by a recorded cause). */
  tierCap?: TierCapNote;
}

/** How much the tiers moved against last month, for the run screen before publishing. */
export interface TierChurn {
  /** Rated both months. */
  compared: number;
  tierChanged: number;
  /** Moved more than two tiers (either way). */
  movedOver2: number;
  /** Computed moves over the cap that the cap held. */
  heldByCap: number;
  /** Moves over the cap let through by a recorded cause. */
  overCapWithCause: number;
  starChanged: number;
  /** Retailers per tier move, index move + `range` (moves beyond ±range counted at the ends). */
  moves: number[];
  range: number;
}

export interface Mover {
  retailerId: string;
  starFrom: number;
  starTo: number;
  scoreFrom: number;
  scoreTo: number;
  tierFrom: number;
  tierTo: number;
  classFrom: string;
  classTo: string;
  segmentFrom: Segment;
  segmentTo: Segment;
}

export interface MonthlyBatchResult {
  month: Month;
  schemeVersion: string;
  ratings: RetailerRating[];
  tierContext: TierContext;
  /** Minimum score for stars 1..6 per market as applied this month. */
  starCutoffs: Record<Network, number[]>;
  distribution: {
    /** Retailers per star, index star-1, per market. */
    star: Record<Network, number[]>;
    /** Retailers per tier, index tier-1. */
    tier: number[];
    classCode: Record<string, number>;
    segment: Record<Segment, number>;
  };
  movers: {
    starUp: number;
    starDown: number;
    tierUp: number;
    tierDown: number;
    /** Rated this month, not last month. */
    entered: number;
    /** Rated last month, not this month. */
    left: number;
    /** Everyone whose star, tier, class or segment changed; biggest star moves first, then score. */
    list: Mover[];
  };
  churn: TierChurn;
}

export class RatingSchemeError extends Error {
  constructor(readonly errors: SchemeError[]) {
    super(`invalid rating scheme: ${errors.map((e) => e.path).join(', ')}`);
  }
}

export interface MonthlyBatchArgs {
  month: Month;
  scheme: RatingScheme;
  retailers: readonly RetailerMonthInput[];
  previous?: readonly RetailerRating[];
  /** retailerId → reason; these keep last month's result. */
  frozen?: ReadonlyMap<string, string>;
  /** retailerId → recorded cause that lets this month's tier move further than the scheme's cap. */
  tierCauses?: ReadonlyMap<string, string>;
}

const NETWORKS: Network[] = ['urban', 'rural'];

export function runMonthlyBatch({ month, scheme, retailers, previous = [], frozen, tierCauses }: MonthlyBatchArgs): MonthlyBatchResult {
  const errors = validateScheme(scheme);
  if (errors.length > 0) throw new RatingSchemeError(errors);
  const n = retailers.length;

  const { scale, code } = classifyRetailers(retailers, scheme);
  const tiers = assignTiers(retailers, scheme);

  const scored = retailers.map((r) => scoreStarItems(r, scheme));
  const starCutoffs = {} as Record<Network, number[]>;
  for (const network of NETWORKS) {
    if (scheme.star.mode === 'score') {
      starCutoffs[network] = [...scheme.star.cutoffs[network]];
      continue;
    }
    const members: number[] = [];
    for (let i = 0; i < n; i++) if (retailers[i].network === network) members.push(i);
    const scores = new Float64Array(n);
    for (const i of members) scores[i] = scored[i].score;
    const { cutoffs } = cutByShares(scores, [...scheme.star.rankShares[network]].reverse(), Uint32Array.from(members));
    // Star 1 has no line to reach; the others are the lowest score ranked into them.
    starCutoffs[network] = [0, ...cutoffs.reverse().slice(1)];
  }

  const prevById = new Map(previous.map((p) => [p.retailerId, p]));
  const ratings: RetailerRating[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = retailers[i];
    const prev = prevById.get(r.retailerId);
    const reason = frozen?.get(r.retailerId);
    if (reason !== undefined && prev) {
      ratings[i] = { ...prev, month, star: { ...prev.star, month }, frozenReason: reason };
      continue;
    }
    const cutoffs = starCutoffs[r.network];
    const { score, items } = scored[i];
    const capped = capTierMove(tiers.tier[i], prev?.tier, scheme.tiers.maxMonthlyMove, tierCauses?.get(r.retailerId));
    ratings[i] = {
      retailerId: r.retailerId,
      month,
      schemeVersion: scheme.version,
      network: r.network,
      format: r.format,
      classCode: code[i],
      scale: scale[i],
      tier: capped.tier,
      tierScore: tiers.score[i],
      ...(capped.note ? { tierCap: capped.note } : {}),
      star: {
        retailerId: r.retailerId,
        month,
        schemeVersion: scheme.version,
        network: r.network,
        score,
        star: starFromCutoffs(score, cutoffs),
        items,
        cutoffs,
      },
      segment: segmentRetailer(r, scheme).segment,
    };
  }

  return {
    month,
    schemeVersion: scheme.version,
    ratings,
    tierContext: tiers.context,
    starCutoffs,
    distribution: distributionOf(ratings, scheme.tiers.shares.length),
    movers: moversOf(ratings, prevById),
    churn: churnOf(ratings, prevById),
  };
}

const CHURN_RANGE = 5;

export function churnOf(ratings: readonly RetailerRating[], prevById: ReadonlyMap<string, RetailerRating>): TierChurn {
  const c: TierChurn = { compared: 0, tierChanged: 0, movedOver2: 0, heldByCap: 0, overCapWithCause: 0, starChanged: 0, moves: new Array(2 * CHURN_RANGE + 1).fill(0), range: CHURN_RANGE };
  for (const r of ratings) {
    if (r.tierCap) {
      if (r.tierCap.cause === null) c.heldByCap++;
      else c.overCapWithCause++;
    }
    const p = prevById.get(r.retailerId);
    if (!p) continue;
    c.compared++;
    const d = r.tier - p.tier;
    if (d !== 0) c.tierChanged++;
    if (Math.abs(d) > 2) c.movedOver2++;
    if (r.star.star !== p.star.star) c.starChanged++;
    c.moves[Math.max(-CHURN_RANGE, Math.min(CHURN_RANGE, d)) + CHURN_RANGE]++;
  }
  return c;
}

function distributionOf(ratings: readonly RetailerRating[], tierCount: number): MonthlyBatchResult['distribution'] {
  const star = { urban: [0, 0, 0, 0, 0, 0], rural: [0, 0, 0, 0, 0, 0] };
  const tier = new Array<number>(tierCount).fill(0);
  const classCode: Record<string, number> = {};
  const segment: Record<Segment, number> = { close: 0, stable_a: 0, stable_b: 0, unstable: 0 };
  for (const r of ratings) {
    star[r.network][r.star.star - 1]++;
    tier[r.tier - 1]++;
    classCode[r.classCode] = (classCode[r.classCode] ?? 0) + 1;
    segment[r.segment]++;
  }
  return { star, tier, classCode, segment };
}

function moversOf(ratings: readonly RetailerRating[], prevById: ReadonlyMap<string, RetailerRating>): MonthlyBatchResult['movers'] {
  const m = { starUp: 0, starDown: 0, tierUp: 0, tierDown: 0, entered: 0, left: 0, list: [] as Mover[] };
  const seen = new Set<string>();
  for (const r of ratings) {
    seen.add(r.retailerId);
    const p = prevById.get(r.retailerId);
    if (!p) {
      m.entered++;
      continue;
    }
    const ds = r.star.star - p.star.star;
    const dt = r.tier - p.tier;
    if (ds > 0) m.starUp++;
    if (ds < 0) m.starDown++;
    if (dt > 0) m.tierUp++;
    if (dt < 0) m.tierDown++;
    if (ds !== 0 || dt !== 0 || r.classCode !== p.classCode || r.segment !== p.segment) {
      m.list.push({
        retailerId: r.retailerId,
        starFrom: p.star.star,
        starTo: r.star.star,
        scoreFrom: p.star.score,
        scoreTo: r.star.score,
        tierFrom: p.tier,
        tierTo: r.tier,
        classFrom: p.classCode,
        classTo: r.classCode,
        segmentFrom: p.segment,
        segmentTo: r.segment,
      });
    }
  }
  for (const id of prevById.keys()) if (!seen.has(id)) m.left++;
  const abs = Math.abs;
  m.list.sort(
    (a, b) =>
      abs(b.starTo - b.starFrom) - abs(a.starTo - a.starFrom) ||
      abs(b.scoreTo - b.scoreFrom) - abs(a.scoreTo - a.scoreFrom) ||
      abs(b.tierTo - b.tierFrom) - abs(a.tierTo - a.tierFrom) ||
      (a.retailerId < b.retailerId ? -1 : a.retailerId > b.retailerId ? 1 : 0),
  );
  return m;
}
