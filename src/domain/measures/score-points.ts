// A score-sheet item's points from its rate (decision 1711): points × rate ÷ target, at most the cap;
// no records → no rate, and the points at target or none as the item says (whenNone).
import type { FieldError } from '../../shared/app-error.js';
import type { ScoreSheetItemConfig } from '../../shared/measures.js';

export function itemPoints(item: Pick<ScoreSheetItemConfig, 'points' | 'target' | 'cap'> & { whenNone?: 'full' | 'zero' }, good: number, total: number): { rate: number | null; points: number } {
  if (total <= 0) return { rate: null, points: item.whenNone === 'full' ? Math.min(item.cap, item.points) : 0 };
  const rate = Math.max(0, Math.min(1, good / total));
  const points = Math.min(item.cap, (item.points * rate) / item.target);
  return { rate: Math.round(rate * 10000) / 10000, points: Math.round(points * 10) / 10 };
}

/** A scheme's errors: unknown sources, an item twice, a cap below its points. */
export function schemeErrors(items: ScoreSheetItemConfig[], knownSources: readonly string[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  items.forEach((it, i) => {
    if (!knownSources.includes(it.source)) errors.push({ field: `items.${i}.source`, code: 'score_source_unknown' });
    if (seen.has(it.source)) errors.push({ field: `items.${i}.source`, code: 'score_source_twice' });
    seen.add(it.source);
    if (it.cap < it.points) errors.push({ field: `items.${i}.cap`, code: 'score_cap_below_points' });
  });
  return errors;
}
