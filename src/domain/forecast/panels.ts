// Builds a panel from weekly rows: one series per key on a common week axis,
// NaN before a series' first week with demand, 0 for weeks without an order after.
import { lunarCalendar } from './events.js';
import type { Panel, WeeklySeries } from './types.js';
import { weekIndex } from './weeks.js';

export type DemandRow = { key: string; monday: string; demand: number; bound: number; censored: number };

export function buildPanel(rows: readonly DemandRow[], firstMonday: string, lastMonday: string, attrs?: { names: string[]; of: (key: string) => number[] }): Panel {
  const firstWeek = weekIndex(firstMonday);
  const weeks = weekIndex(lastMonday) - firstWeek + 1;
  const byKey = new Map<string, WeeklySeries>();
  for (const r of rows) {
    const pos = weekIndex(r.monday) - firstWeek;
    if (pos < 0 || pos >= weeks) continue;
    let s = byKey.get(r.key);
    if (!s) {
      s = { key: r.key, values: new Float64Array(weeks).fill(NaN), bound: new Uint8Array(weeks), censored: new Uint8Array(weeks), attrs: attrs?.of(r.key) };
      byKey.set(r.key, s);
    }
    s.values[pos] = (Number.isNaN(s.values[pos]) ? 0 : s.values[pos]) + r.demand;
    if (r.bound > 0) s.bound![pos] = 1;
    if (r.censored) s.censored![pos] = 1;
  }
  for (const s of byKey.values()) {
    let p = 0;
    while (p < weeks && Number.isNaN(s.values[p])) p++;
    for (; p < weeks; p++) if (Number.isNaN(s.values[p])) s.values[p] = 0;
  }
  const series = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { firstWeek, weeks, series, calendar: lunarCalendar(firstWeek, firstWeek + weeks + 12), attrNames: attrs?.names };
}
