// A month's score sheets for every grid worker and every station of an org,
// from the sources' records (decision 1711): one grouped statement per item,
// tallied by worker and by station, points by the scheme, written set-based.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { itemPoints } from '../../domain/measures/score-points.js';
import type { ScoreSheetItemResult } from '../../shared/measures.js';
import { getScoreScheme } from './score-sheet-schemes.js';
import { sourceOf } from './score-sources.js';

/** [from, to) of a month's records as of a day: the month, up to the day before `asOf`. */
export function sheetBounds(month: string, asOf: string): { from: string; to: string } {
  const from = `${month}-01`;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from, to: asOf < next ? asOf : next };
}

export async function computeScoreSheets(db: Db, orgId: number, month: string, asOf: string): Promise<{ sheets: number }> {
  const scheme = await getScoreScheme(db, orgId);
  const { from, to } = sheetBounds(month, asOf);
  const workers = await query<{ id: number; stationId: number | null }>(
    db,
    sql`select id, station_id as "stationId" from users where org_id = ${orgId} and role = 'grid_worker' and active`,
  );
  const stations = await query<{ id: number }>(db, sql`select id from stations where org_id = ${orgId}`);
  const tally = new Map<string, Map<string, { good: number; total: number }>>();
  const add = (key: string, source: string, good: number, total: number) => {
    let m = tally.get(key);
    if (!m) tally.set(key, (m = new Map()));
    const t = m.get(source) ?? { good: 0, total: 0 };
    m.set(source, { good: t.good + good, total: t.total + total });
  };
  // The sources' tallies run side by side (a server runs them on separate connections).
  const tallies = await Promise.all(
    scheme.items.map(async (item) => {
      const source = sourceOf(item.source);
      if (!source) return { item, rows: [] };
      const rows = await query<{ workerId: number | null; stationId: number | null; good: number; total: number }>(
        db,
        sql`select worker_id as "workerId", station_id as "stationId", count(*) filter (where ok)::int as good, count(*)::int as total
            from (${source.records(orgId, from, to)}) b group by 1, 2`,
      );
      return { item, rows };
    }),
  );
  for (const { item, rows } of tallies) {
    for (const r of rows) {
      if (r.workerId !== null) add(`worker:${r.workerId}`, item.source, r.good, r.total);
      if (r.stationId !== null) add(`station:${r.stationId}`, item.source, r.good, r.total);
    }
  }
  const subjects = [...workers.map((w) => ({ kind: 'worker', id: w.id })), ...stations.map((s) => ({ kind: 'station', id: s.id }))];
  const sheets = subjects.map((s) => {
    const m = tally.get(`${s.kind}:${s.id}`);
    const items: ScoreSheetItemResult[] = scheme.items.map((it) => {
      const t = m?.get(it.source) ?? { good: 0, total: 0 };
      const { rate, points } = itemPoints(it, t.good, t.total);
      return { source: it.source, good: t.good, total: t.total, rate, points, cap: it.cap, target: it.target, fullPoints: it.points };
    });
    const total = Math.round(items.reduce((a, i) => a + i.points, 0) * 10) / 10;
    const maxTotal = scheme.items.reduce((a, i) => a + i.points, 0);
    return { ...s, items, total, maxTotal };
  });
  if (sheets.length)
    await db.execute(sql`
      insert into score_sheets (org_id, month, subject_kind, subject_id, scheme_version, records_to, total, max_total, items, computed_at)
      select ${orgId}, ${month}, x.kind, x.id, ${scheme.version}, ${to}::date, x.total, x.max_total, x.items, now()
      from jsonb_to_recordset(${JSON.stringify(sheets.map((s) => ({ kind: s.kind, id: s.id, total: s.total, max_total: s.maxTotal, items: s.items })))}::jsonb)
        as x(kind text, id int, total real, max_total real, items jsonb)
      on conflict (org_id, month, subject_kind, subject_id) do update set scheme_version = excluded.scheme_version, records_to = excluded.records_to, total = excluded.total,
        max_total = excluded.max_total, items = excluded.items, computed_at = excluded.computed_at`);
  return { sheets: sheets.length };
}
