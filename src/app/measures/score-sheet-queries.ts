// Reading score sheets within the viewer's reach: a grid worker their own,
// a station head their station's and its workers', the county everyone's.
// Out of reach reads as missing (404). The drill-down lists the records the
// item's source counted, so its counts equal the sheet's.
import { sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import type { Drill, ScoreSheet, ScoreSheetItemResult, ScoreSheetList, SubjectKind } from '../../shared/measures.js';
import { sheetBounds } from './compute-score-sheets.js';
import { sourceOf } from './score-sources.js';

/** Which sheets a viewer may read, as a condition on alias `s` (score_sheets) with `u` (the worker, when a worker sheet). */
function sheetReach(viewer: Viewer): SQL {
  switch (viewer.role) {
    case 'admin':
    case 'county_manager':
      return sql`true`;
    case 'station_head':
      return sql`((s.subject_kind = 'station' and s.subject_id = ${viewer.stationId ?? -1}) or (s.subject_kind = 'worker' and u.station_id = ${viewer.stationId ?? -1}))`;
    case 'grid_worker':
      return sql`(s.subject_kind = 'worker' and s.subject_id = ${viewer.userId})`;
    default:
      return sql`false`;
  }
}

const sheetFrom = sql`score_sheets s left join users u on s.subject_kind = 'worker' and u.id = s.subject_id and u.org_id = s.org_id
  left join stations st on st.org_id = s.org_id and st.id = case when s.subject_kind = 'station' then s.subject_id else u.station_id end`;

/** The month to show: the asked one, else the latest computed. */
async function monthOf(db: Db, viewer: Viewer, month: string | undefined): Promise<string> {
  if (month) return month;
  const [m] = await query<{ month: string | null }>(db, sql`select max(month) as month from score_sheets where org_id = ${viewer.orgId}`);
  return m.month ?? new Date().toISOString().slice(0, 7);
}

export async function findScoreSheets(db: Db, viewer: Viewer, month?: string): Promise<ScoreSheetList> {
  const m = await monthOf(db, viewer, month);
  const items = await query<ScoreSheetList['items'][number]>(
    db,
    sql`select s.subject_kind as "subjectKind", s.subject_id as "subjectId", coalesce(u.display_name, st.name) as "subjectName",
          st.name as "stationName", s.total, s.max_total as "maxTotal"
        from ${sheetFrom} where s.org_id = ${viewer.orgId} and s.month = ${m} and ${sheetReach(viewer)}
        order by s.subject_kind desc, st.name, s.total desc`,
  );
  return { month: m, items };
}

export async function getScoreSheet(db: Db, viewer: Viewer, kind: SubjectKind, subjectId: number, month?: string): Promise<ScoreSheet> {
  const m = await monthOf(db, viewer, month);
  const [row] = await query<Omit<ScoreSheet, 'items'> & { items: ScoreSheetItemResult[] }>(
    db,
    sql`select s.month, s.subject_kind as "subjectKind", s.subject_id as "subjectId", coalesce(u.display_name, st.name) as "subjectName",
          case when s.subject_kind = 'worker' then st.name end as "stationName", s.scheme_version as "schemeVersion", s.total, s.max_total as "maxTotal",
          s.items, s.computed_at as "computedAt"
        from ${sheetFrom} where s.org_id = ${viewer.orgId} and s.month = ${m} and s.subject_kind = ${kind} and s.subject_id = ${subjectId} and ${sheetReach(viewer)}`,
  );
  if (!row) throw new AppError('not_found');
  return {
    ...row,
    items: row.items.map((i) => {
      const src = sourceOf(i.source);
      return { ...i, zh: src?.zh ?? i.source, en: src?.en ?? i.source };
    }),
  };
}

export const DRILL_LIMIT = 500;

/** The records behind one item of a sheet, not-good first. */
export async function drillScoreItem(db: Db, viewer: Viewer, kind: SubjectKind, subjectId: number, sourceId: string, month?: string, limit = DRILL_LIMIT): Promise<Drill> {
  const sheet = await getScoreSheet(db, viewer, kind, subjectId, month);
  const item = sheet.items.find((i) => i.source === sourceId);
  const source = sourceOf(sourceId);
  if (!item || !source) throw new AppError('not_found');
  const [c] = await query<{ to: string }>(db, sql`select s.records_to::text as "to" from score_sheets s
      where s.org_id = ${viewer.orgId} and s.month = ${sheet.month} and s.subject_kind = ${kind} and s.subject_id = ${subjectId}`);
  const { from, to } = sheetBounds(sheet.month, c.to);
  const who = kind === 'worker' ? sql`b.worker_id = ${subjectId}` : sql`b.station_id = ${subjectId}`;
  const records = await query<Drill['records'][number]>(
    db,
    sql`select b.day::text as date, b.retailer_id as "retailerId", coalesce(r.shop_name, '') as "shopName", u.display_name as "workerName", b.ok, b.detail
        from (${source.records(viewer.orgId, from, to)}) b left join retailers r on r.id = b.retailer_id left join users u on u.id = b.worker_id
        where ${who} order by b.ok, b.day, b.retailer_id limit ${limit + 1}`,
  );
  return { source: sourceId, zh: source.zh, en: source.en, good: item.good, total: item.total, records: records.slice(0, limit), truncated: records.length > limit };
}
