// Reads a long-format weekly file `series,week,value[,event]` strictly: a
// missing column, a week that is not an ISO date, two rows of one series in
// one week, a negative or non-numeric value, or a horizon as long as a
// series' history are refused with the line and what is wrong.
import { labelledCalendar } from './events.js';
import type { Panel } from './types.js';
import { weekIndex } from './weeks.js';

export class SeriesFileError extends Error {
  constructor(
    readonly code: 'missing_column' | 'bad_week' | 'duplicate_week' | 'bad_value' | 'horizon_too_long' | 'empty',
    message: string,
  ) {
    super(message);
  }
}

type Row = { series: string; week: number; value: number; event: string };

function splitLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function parseSeriesFile(text: string): { rows: Row[]; hasEvent: boolean } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) throw new SeriesFileError('empty', 'the file is empty');
  const header = splitLine(lines[0]).map((h) => h.toLowerCase());
  for (const col of ['series', 'week', 'value']) {
    if (!header.includes(col)) throw new SeriesFileError('missing_column', `missing column "${col}" (header must be series,week,value[,event]; found ${header.join(',')})`);
  }
  const [si, wi, vi, ei] = ['series', 'week', 'value', 'event'].map((c) => header.indexOf(c));
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  for (let n = 1; n < lines.length; n++) {
    const cells = splitLine(lines[n]);
    const line = n + 1;
    const series = cells[si] ?? '';
    if (!series) throw new SeriesFileError('missing_column', `line ${line}: empty series`);
    const weekText = cells[wi] ?? '';
    if (!ISO.test(weekText) || Number.isNaN(Date.parse(`${weekText}T00:00:00Z`)) || new Date(`${weekText}T00:00:00Z`).toISOString().slice(0, 10) !== weekText) {
      throw new SeriesFileError('bad_week', `line ${line}: week "${weekText}" is not an ISO date (YYYY-MM-DD)`);
    }
    const valueText = cells[vi] ?? '';
    const value = Number(valueText);
    if (valueText === '' || !Number.isFinite(value)) throw new SeriesFileError('bad_value', `line ${line}: value "${valueText}" is not a number`);
    if (value < 0) throw new SeriesFileError('bad_value', `line ${line}: value ${value} is negative`);
    const week = weekIndex(weekText);
    const key = `${series}\u0000${week}`;
    if (seen.has(key)) throw new SeriesFileError('duplicate_week', `line ${line}: series "${series}" already has a row for the week of ${weekText} (line ${seen.get(key)})`);
    seen.set(key, line);
    rows.push({ series, week, value, event: ei >= 0 ? (cells[ei] ?? '') : '' });
  }
  if (rows.length === 0) throw new SeriesFileError('empty', 'the file has a header but no rows');
  return { rows, hasEvent: ei >= 0 };
}

/**
 * The training panel (each series without its last `horizon` weeks) and the
 * held-out weeks, kept apart so nothing reads them before forecasting.
 */
export function splitHoldout(rows: Row[], horizon: number): { panel: Panel; holdout: Map<string, { origin: number; horizons: number[]; values: number[] }> } {
  if (!Number.isInteger(horizon) || horizon < 1) throw new SeriesFileError('horizon_too_long', `horizon must be a whole number ≥ 1, got ${horizon}`);
  const bySeries = new Map<string, Row[]>();
  for (const r of rows) {
    if (!bySeries.has(r.series)) bySeries.set(r.series, []);
    bySeries.get(r.series)!.push(r);
  }
  let first = Infinity;
  let last = -Infinity;
  for (const r of rows) {
    first = Math.min(first, r.week);
    last = Math.max(last, r.week);
  }
  const weeks = last - first + 1;
  const series = [];
  const holdout = new Map<string, { origin: number; horizons: number[]; values: number[] }>();
  for (const [key, list] of [...bySeries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    list.sort((a, b) => a.week - b.week);
    if (list.length <= horizon) {
      throw new SeriesFileError('horizon_too_long', `horizon ${horizon} is not shorter than the history of series "${key}" (${list.length} weeks)`);
    }
    const train = list.slice(0, list.length - horizon);
    const held = list.slice(list.length - horizon);
    const values = new Float64Array(weeks).fill(NaN);
    for (const r of train) values[r.week - first] = r.value;
    // Gaps inside a series' training span are weeks with no sales.
    for (let p = train[0].week - first; p <= train[train.length - 1].week - first; p++) if (Number.isNaN(values[p])) values[p] = 0;
    const origin = train[train.length - 1].week - first;
    holdout.set(key, { origin, horizons: held.map((r) => r.week - first - origin), values: held.map((r) => r.value) });
    series.push({ key, values });
  }
  const calendar = labelledCalendar(rows.map((r) => [r.event, r.week] as [string, number]));
  return { panel: { firstWeek: first, weeks, series, calendar }, holdout };
}
