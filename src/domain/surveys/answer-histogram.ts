// The spread of a number question's answers as a histogram (the survey results
// screen, decision 1742): equal bins over the question's own range when it has
// one (so rounds compare), else over the answers; whole-number answers get
// whole-number bin edges, and a narrow whole-number range one bin per value.

export type Bin = { from: number; to: number; n: number };

/** Bins [from, to) — the last one closed — holding every finite value; [] when there is none. */
export function answerHistogram(values: readonly number[], min: number | null, max: number | null, maxBins = 10): Bin[] {
  const xs = values.filter((v) => Number.isFinite(v));
  if (xs.length === 0) return [];
  const lo = Math.min(...xs, ...(min === null ? [] : [min]));
  let hi = Math.max(...xs, ...(max === null ? [] : [max]));
  const whole = xs.every((v) => Number.isInteger(v)) && Number.isInteger(lo) && Number.isInteger(hi);
  if (hi === lo) return [{ from: lo, to: hi, n: xs.length }];
  let count = maxBins;
  let width = (hi - lo) / count;
  if (whole) {
    if (hi - lo + 1 <= maxBins) {
      // One bin per whole value: [v, v + 1).
      count = hi - lo + 1;
      width = 1;
      hi = lo + count;
    } else {
      // Whole-number edges; the last bin is closed, so 0–100 is ten bins of ten, 100 in the last.
      width = Math.ceil((hi - lo) / maxBins);
      count = Math.ceil((hi - lo) / width);
    }
  }
  const bins: Bin[] = Array.from({ length: count }, (_, i) => ({ from: round(lo + i * width), to: round(lo + (i + 1) * width), n: 0 }));
  for (const v of xs) {
    const i = Math.min(count - 1, Math.floor((v - lo) / width));
    bins[i].n++;
  }
  return bins;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
