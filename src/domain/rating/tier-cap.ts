// The monthly cap on tier moves: a retailer's tier moves at most `limit` tiers
// from last month's published tier, unless a cause for the larger move was
// recorded (a licence change, a move, a closure for works…), in which case the
// computed tier stands and the cause is shown in the explanation.
import type { RatingScheme } from './scheme.js';

/** The cause the batch records itself for a shop licensed after last month's window began (its tier is still settling). */
export const NEW_LICENCE_CAUSE = '@new_licence';

export interface TierCapNote {
  /** Last month's tier. */
  from: number;
  /** The tier this month's figures give. */
  computed: number;
  limit: number;
  /** The recorded cause that let the larger move through; null when the cap held it. */
  cause: string | null;
}

/** The tier after the cap, and a note when the computed move was over it. */
export function capTierMove(
  computed: number,
  from: number | undefined,
  limit: number | undefined,
  cause: string | undefined,
): { tier: number; note: TierCapNote | null } {
  if (from === undefined || limit === undefined || Math.abs(computed - from) <= limit) return { tier: computed, note: null };
  if (cause !== undefined) return { tier: computed, note: { from, computed, limit, cause } };
  const tier = computed > from ? from + limit : from - limit;
  return { tier, note: { from, computed, limit, cause: null } };
}

/** Months of complete order cycles the tier is rated over (1 for a scheme saved before the window existed). */
export function tierWindowMonths(scheme: RatingScheme): number {
  return scheme.tiers.windowMonths ?? 1;
}
