// What does it take to reach the next star? The smallest change along each
// dimension, then pairs of smaller changes found on a grid of the same
// candidate amounts; every option is proved by re-scoring the changed input.
import { starLabel } from '../../shared/codes.js';
import { applyChange, applyChanges, type StarChange } from './apply-change.js';
import { joinTexts, say } from './messages.js';
import type { RatingScheme } from './scheme.js';
import { fixedCutoffs, scoreStarItems, starFromCutoffs } from './score-star.js';
import { starDimensions, type Dimension } from './star-path-dimensions.js';
import type { RetailerMonthInput, Text } from './types.js';

export interface StarPathContext {
  /** Minimum score for stars 1..6 in the retailer's market (rank mode: this month's cut-offs). Defaults to the scheme's fixed lines. */
  cutoffs?: readonly number[];
}

export interface StarPathOption {
  changes: StarChange[];
  /** Points the option adds to the total. */
  gain: number;
  newScore: number;
  newStar: number;
  cost: number;
  text: Text;
  detail: Text;
}

export interface StarPaths {
  schemeVersion: string;
  score: number;
  star: number;
  /** null at 超五星. */
  targetStar: number | null;
  targetCutoff: number | null;
  /** Points still missing. */
  gap: number;
  options: StarPathOption[];
}

const total = (input: RetailerMonthInput, scheme: RatingScheme) => scoreStarItems(input, scheme).score;

/** Smallest candidate amount along `dim` that brings `input` to `cutoff`, or null. */
function smallestReaching(dim: Dimension, input: RetailerMonthInput, scheme: RatingScheme, cutoff: number, below = Infinity): number | null {
  for (const a of dim.amounts(input)) {
    if (a >= below) return null;
    if (total(applyChange(input, dim.change(input, a), scheme), scheme) >= cutoff) return a;
  }
  return null;
}

export function pathsToNextStar(input: RetailerMonthInput, scheme: RatingScheme, context: StarPathContext = {}): StarPaths {
  const cutoffs = context.cutoffs ?? fixedCutoffs(scheme, input.network);
  const score = total(input, scheme);
  const star = starFromCutoffs(score, cutoffs);
  // The next star with a line (a rank cut-off can be empty).
  let targetStar: number | null = null;
  for (let s = star + 1; s <= cutoffs.length; s++) {
    if (!Number.isNaN(cutoffs[s - 1])) {
      targetStar = s;
      break;
    }
  }
  const base = { schemeVersion: scheme.version, score, star };
  if (targetStar === null) return { ...base, targetStar: null, targetCutoff: null, gap: 0, options: [] };
  const cutoff = cutoffs[targetStar - 1];
  const gap = cutoff - score;
  const target = { zh: starLabel(targetStar, 'zh'), en: starLabel(targetStar, 'en') };

  const option = (changes: StarChange[], cost: number, text: Text): StarPathOption => {
    const newScore = total(applyChanges(input, changes, scheme), scheme);
    const gain = newScore - score;
    return {
      changes,
      gain,
      newScore,
      newStar: starFromCutoffs(newScore, cutoffs),
      cost,
      text,
      detail: {
        zh: say('path_gain', { star: target.zh, gap, gain }).zh,
        en: say('path_gain', { star: target.en, gap, gain }).en,
      },
    };
  };

  const dims = starDimensions(scheme);
  const single = new Map<Dimension, number>();
  const options: StarPathOption[] = [];
  for (const dim of dims) {
    const a = smallestReaching(dim, input, scheme, cutoff);
    if (a === null) continue;
    single.set(dim, a);
    const change = dim.change(input, a);
    options.push(option([change], dim.cost(input, a), dim.text(input, change)));
  }

  const combined: StarPathOption[] = [];
  // Pairs: a partial step on one dimension, then the smallest step on another
  // that completes it, both smaller than going it alone.
  for (let i = 0; i < dims.length; i++) {
    for (let j = i + 1; j < dims.length; j++) {
      const [da, db] = [dims[i], dims[j]];
      let best: StarPathOption | null = null;
      for (const a of da.amounts(input)) {
        if (a >= (single.get(da) ?? Infinity)) break;
        const ca = da.change(input, a);
        const mid = applyChange(input, ca, scheme);
        const b = smallestReaching(db, mid, scheme, cutoff, single.get(db) ?? Infinity);
        if (b === null) continue;
        const cb = db.change(mid, b);
        const cost = da.cost(input, a) + db.cost(mid, b);
        if (!best || cost < best.cost) best = option([ca, cb], cost, joinTexts(da.text(input, ca), db.text(mid, cb)));
      }
      if (best) combined.push(best);
    }
  }

  const byCost = (x: StarPathOption, y: StarPathOption) => x.cost - y.cost;
  combined.sort(byCost);
  options.push(...combined.slice(0, scheme.paths.maxCombinedOptions));
  options.sort((x, y) => byCost(x, y) || x.changes.length - y.changes.length);
  return { ...base, targetStar, targetCutoff: cutoff, gap, options };
}
