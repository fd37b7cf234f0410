// The target of a launch as an SQL condition on `r` (retailers) and `g`
// (grids): tier range, the segment of the latest published rating month,
// business format and grids; an empty list does not narrow.
import { sql, type SQL } from 'drizzle-orm';
import type { LaunchTarget } from '../../shared/cultivation.js';

const arr = (xs: readonly (string | number)[]) => `{${xs.map((x) => `"${String(x).replace(/["\\]/g, '')}"`).join(',')}}`;

export function targetWhere(orgId: number, t: LaunchTarget): SQL {
  const parts: SQL[] = [sql`r.tier between ${t.tierMin} and ${t.tierMax}`];
  if (t.formats.length) parts.push(sql`r.business_format = any(${arr(t.formats)}::text[])`);
  if (t.gridIds.length) parts.push(sql`r.grid_id = any(${arr(t.gridIds)}::int[])`);
  if (t.segments.length) {
    parts.push(sql`exists (select 1 from retailer_ratings rr where rr.retailer_id = r.id and rr.segment = any(${arr(t.segments)}::text[])
      and rr.run_id = (select id from rating_runs where org_id = ${orgId} and status = 'published' order by month desc limit 1))`);
  }
  return sql.join(parts, sql` and `);
}
