// What a retailer (or their grid worker) sees for one month: the result, why
// it changed against last month, and what it takes to reach the next star and
// tier — all from the stored inputs and breakdown, never from changed data.
import { explainStarChange, type StarChangeExplanation } from './explain-star-change.js';
import { formatItemValue } from './format-value.js';
import { ratingMessages } from './messages.js';
import { pathsToNextStar, type StarPaths } from './paths-to-next-star.js';
import { pathsToNextTier, type TierPaths } from './paths-to-next-tier.js';
import type { RatingScheme, ServicePackage } from './scheme.js';
import { scoreStarItems } from './score-star.js';
import type { Month, Network, RetailerMonthInput, Segment, StarItemResult, StarResult, Text, TierContext } from './types.js';

/** A stored result row, as the job wrote it. */
export interface StoredRating {
  retailerId: number;
  month: Month;
  schemeVersion: string;
  network: Network;
  classCode: string;
  tier: number;
  computedTier: number | null;
  tierScore: number;
  star: number;
  starScore: number;
  segment: Segment;
  frozenReason: string | null;
  /** Items and cut-offs are stored only for a frozen month; otherwise re-scored from the input and the run's lines. */
  breakdown: {
    items?: StarItemResult[];
    cutoffs?: (number | null)[];
    segment?: { integrity: string; stability: string; cooperation: string; cv: number | null; continuity: number; cooperationMet: number };
  };
  input: Omit<RetailerMonthInput, 'retailerId' | 'weeklyCartons'>;
}

export interface RetailerRatingView {
  month: Month;
  prevMonth: Month | null;
  schemeVersion: string;
  star: number;
  score: number;
  tier: number;
  tierChangedByHand: boolean;
  classCode: string;
  segment: Segment;
  segmentLabel: Text;
  segmentLevels: { integrity: string; stability: string; cooperation: string } | null;
  servicePackage: ServicePackage;
  frozenReason: string | null;
  /** Items with label, shown value, points and weight (max), in scheme order. */
  items: { id: string; label: Text; value: Text; points: number; max: number }[];
  /** Null in a retailer's first rated month. Items carry their shown values, now and last month. */
  change: (Omit<StarChangeExplanation, 'items'> & { items: (StarChangeExplanation['items'][number] & { label: Text; valueText: Text; prevValueText: Text })[] }) | null;
  nextStar: StarPaths;
  nextTier: TierPaths | null;
}

const nan = (xs: (number | null)[]) => xs.map((x) => (x === null ? Number.NaN : x));

export function starResultOf(r: StoredRating, scheme: RatingScheme, runCutoffs: Record<Network, (number | null)[]>): StarResult {
  const input: RetailerMonthInput = { ...r.input, weeklyCartons: [], retailerId: String(r.retailerId) };
  return {
    retailerId: String(r.retailerId),
    month: r.month,
    schemeVersion: r.schemeVersion,
    network: r.network,
    score: r.starScore,
    star: r.star,
    items: r.breakdown.items ?? scoreStarItems(input, scheme).items,
    cutoffs: nan(r.breakdown.cutoffs ?? runCutoffs[r.network]),
  };
}

export interface RunContext {
  scheme: RatingScheme;
  starCutoffs: Record<Network, (number | null)[]>;
  tierContext: { top: TierContext['top']; cutoffs: (number | null)[] } | null;
}

export function buildRetailerRatingView(cur: StoredRating, prev: StoredRating | null, now: RunContext, before: RunContext | null): RetailerRatingView {
  const { scheme, tierContext } = now;
  const input: RetailerMonthInput = { ...cur.input, weeklyCartons: [], retailerId: String(cur.retailerId) };
  const starResult = starResultOf(cur, scheme, now.starCutoffs);
  const nextStar = pathsToNextStar(input, scheme, { cutoffs: starResult.cutoffs });
  // A frozen month carries last month's result: what it takes is still measured on this month's inputs.
  const nextTier = tierContext ? pathsToNextTier(input, scheme, { top: tierContext.top, cutoffs: nan(tierContext.cutoffs) }) : null;
  const seg = cur.breakdown.segment;
  return {
    month: cur.month,
    prevMonth: prev?.month ?? null,
    schemeVersion: cur.schemeVersion,
    star: cur.star,
    score: cur.starScore,
    tier: cur.tier,
    tierChangedByHand: cur.computedTier !== null && cur.computedTier !== cur.tier,
    classCode: cur.classCode,
    segment: cur.segment,
    segmentLabel: ratingMessages[`segment_${cur.segment}`],
    segmentLevels: seg ? { integrity: seg.integrity, stability: seg.stability, cooperation: seg.cooperation } : null,
    servicePackage: scheme.segments.packages[cur.segment],
    frozenReason: cur.frozenReason,
    items: starResult.items.map((i) => ({
      id: i.id,
      label: ratingMessages[`item_${i.id}`],
      value: formatItemValue(i.id, i.value),
      points: i.points,
      max: i.max,
    })),
    change: prev && before ? withShownValues(explainStarChange(starResultOf(prev, before.scheme, before.starCutoffs), starResult)) : null,
    nextStar,
    nextTier,
  };
}


function withShownValues(e: StarChangeExplanation): NonNullable<RetailerRatingView['change']> {
  return {
    ...e,
    items: e.items.map((i) => ({
      ...i,
      label: ratingMessages[`item_${i.id}`],
      valueText: formatItemValue(i.id, i.value),
      prevValueText: formatItemValue(i.id, i.prevValue),
    })),
  };
}
