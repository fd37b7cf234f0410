// What a retailer (or their grid worker) sees for one month: the result, why
// it changed against last month, and what it takes to reach the next star and
// tier — all from the stored inputs and breakdown, never from changed data.
import { explainStarChange, type StarChangeExplanation } from './explain-star-change.js';
import { formatItemValue } from './format-value.js';
import { ratingMessages, say } from './messages.js';
import { pathsToNextStar, type StarPaths } from './paths-to-next-star.js';
import { pathsToNextTier, type TierPaths } from './paths-to-next-tier.js';
import type { RatingScheme, ServicePackage } from './scheme.js';
import { scoreStarItems } from './score-star.js';
import { NEW_LICENCE_CAUSE, type TierCapNote } from './tier-cap.js';
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
    /** Present when the computed tier moved further than the monthly cap. */
    tierCap?: TierCapNote;
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
  /** How the tier was set: the window it is rated over, and the monthly cap when it held the move or a cause let it through. */
  tierNotes: Text[];
  /** Items with label, shown value, points and weight (max), in scheme order; `cause` says where a judged value comes from (the compliance class). */
  items: { id: string; label: Text; value: Text; points: number; max: number; cause: Text | null }[];
  /** Null in a retailer's first rated month. Items carry their shown values, now and last month, and the causes of both. */
  change:
    | (Omit<StarChangeExplanation, 'items'> & {
        items: (StarChangeExplanation['items'][number] & { label: Text; valueText: Text; prevValueText: Text; cause: Text | null; prevCause: Text | null })[];
      })
    | null;
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
    tierNotes: tierNotesOf(cur, scheme),
    items: starResult.items.map((i) => ({
      id: i.id,
      label: ratingMessages[`item_${i.id}`],
      value: formatItemValue(i.id, i.value),
      points: i.points,
      max: i.max,
      cause: causeOf(i.id, cur),
    })),
    change: prev && before ? withShownValues(explainStarChange(starResultOf(prev, before.scheme, before.starCutoffs), starResult), cur, prev) : null,
    nextStar,
    nextTier,
  };
}


function withShownValues(e: StarChangeExplanation, cur: StoredRating, prev: StoredRating): NonNullable<RetailerRatingView['change']> {
  return {
    ...e,
    items: e.items.map((i) => ({
      ...i,
      label: ratingMessages[`item_${i.id}`],
      valueText: formatItemValue(i.id, i.value),
      prevValueText: formatItemValue(i.id, i.prevValue),
      cause: causeOf(i.id, cur),
      prevCause: causeOf(i.id, prev),
    })),
  };
}

/** Where a judged value comes from: the compliance class from the month's assessment (score and violations). */
export function causeOf(id: string, r: StoredRating): Text | null {
  if (id !== 'integrity') return null;
  const c = r.input.compliance;
  // Rows stored before the assessment was kept with the input: nothing to add.
  if (c === undefined) return null;
  if (c === null) return say('integrity_cause_default');
  return say('integrity_cause', { month: c.month, score: c.score, penalties: c.penalties, cls: r.input.complianceClass });
}

/** The tier's window, and what the monthly cap did (held the move, or a recorded cause let it through). */
export function tierNotesOf(r: StoredRating, scheme: RatingScheme): Text[] {
  const notes: Text[] = [];
  const months = scheme.tiers.windowMonths ?? 1;
  if (months > 1) notes.push(say('tier_window', { months }));
  const cap = r.breakdown.tierCap;
  if (cap) {
    const params = { from: cap.from, computed: cap.computed, limit: cap.limit, tier: r.computedTier ?? r.tier };
    if (cap.cause === null) notes.push(say('tier_held_by_cap', params));
    else if (cap.cause === NEW_LICENCE_CAUSE) notes.push(say('tier_cause_new_licence', params));
    else {
      const t = say('tier_cause_applied', params);
      // The recorded cause is what a person typed: the same words in both languages.
      notes.push({ zh: t.zh.replace('{cause}', cap.cause), en: t.en.replace('{cause}', cap.cause) });
    }
  }
  return notes;
}
