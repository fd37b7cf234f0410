// Monthly sales for the card: fill the months without orders and fit a trend.

export type MonthTotal = { month: string; qty: number; amount: number; orders: number };

/** The `count` calendar months ending with the month before `today` (YYYY-MM), oldest first. */
export function lastMonths(today: Date, count: number): string[] {
  const out: string[] = [];
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth(); // current month index; we end with the previous full month
  for (let i = count; i >= 1; i--) {
    const d = new Date(Date.UTC(y, m - i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

export function fillMonths(months: string[], rows: MonthTotal[]): MonthTotal[] {
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return months.map((month) => byMonth.get(month) ?? { month, qty: 0, amount: 0, orders: 0 });
}

/** Least-squares slope of quantity per month (cartons/month). */
export function trendSlope(values: number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  return num / den;
}
