/** Accumulates weighted absolute percentage error and bias: WAPE = Σ|f−a| / Σa, bias = Σ(f−a) / Σa. */
export class ErrorSum {
  abs = 0;
  diff = 0;
  actual = 0;
  n = 0;
  add(forecast: number, actual: number): void {
    this.abs += Math.abs(forecast - actual);
    this.diff += forecast - actual;
    this.actual += actual;
    this.n++;
  }
  wapePct(): number {
    return this.actual > 0 ? round((100 * this.abs) / this.actual) : NaN;
  }
  biasPct(): number {
    return this.actual > 0 ? round((100 * this.diff) / this.actual) : NaN;
  }
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** 100 × (1 − model ÷ best baseline). */
export function improvementPct(model: number, bestBaseline: number): number {
  return bestBaseline > 0 ? round(100 * (1 - model / bestBaseline)) : 0;
}
