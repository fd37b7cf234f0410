// Five-field cron ("minute hour day-of-month month day-of-week") read in
// Asia/Shanghai time, which has had no daylight saving since 1991, so a fixed
// +08:00 offset is exact. A slot is named by its Shanghai time, so every
// runner and every restart computes the same key for the same firing.
const SHANGHAI_MS = 8 * 3600_000;

type Field = Set<number>;
export type Cron = { minute: Field; hour: Field; dom: Field; month: Field; dow: Field; domAny: boolean; dowAny: boolean };

const RANGES: [number, number][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
];

function parseField(text: string, [lo, hi]: [number, number]): Field {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!m) throw new Error(`cron: cannot read "${part}"`);
    const from = m[1] === '*' ? lo : Number(m[2]);
    const to = m[1] === '*' ? hi : m[3] !== undefined ? Number(m[3]) : m[4] ? hi : from;
    const step = m[4] ? Number(m[4]) : 1;
    if (from < lo || to > hi || from > to || step < 1) throw new Error(`cron: "${part}" is outside ${lo}–${hi}`);
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return out;
}

export function parseCron(expr: string): Cron {
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`cron: "${expr}" needs 5 fields`);
  const [minute, hour, dom, month, dow] = parts.map((p, i) => parseField(p, RANGES[i]));
  if (dow.has(7)) dow.add(0); // 7 is Sunday too
  return { minute, hour, dom, month, dow, domAny: parts[2] === '*', dowAny: parts[4] === '*' };
}

function matches(c: Cron, shanghai: Date): boolean {
  if (!c.minute.has(shanghai.getUTCMinutes()) || !c.hour.has(shanghai.getUTCHours()) || !c.month.has(shanghai.getUTCMonth() + 1)) return false;
  const dom = c.dom.has(shanghai.getUTCDate());
  const dow = c.dow.has(shanghai.getUTCDay());
  // As in classic cron: when both day fields are restricted, either may match.
  if (c.domAny && c.dowAny) return true;
  if (c.domAny) return dow;
  if (c.dowAny) return dom;
  return dom || dow;
}

/** The latest slot at or before `now` and not older than `withinMinutes`, as a Date (UTC), or null. */
export function latestSlot(cron: Cron, now: Date, withinMinutes: number): Date | null {
  const minute = Math.floor(now.getTime() / 60_000) * 60_000;
  for (let k = 0; k <= withinMinutes; k++) {
    const t = minute - k * 60_000;
    if (matches(cron, new Date(t + SHANGHAI_MS))) return new Date(t);
  }
  return null;
}

/** The slot's name: its Shanghai wall-clock minute, e.g. "2026-12-03T02:00+08:00". */
export function slotKey(slot: Date): string {
  return `${new Date(slot.getTime() + SHANGHAI_MS).toISOString().slice(0, 16)}+08:00`;
}
