// The band of a launch: the county's earlier launches (launch week before
// this one's), their whole-target curves aligned on lifecycle week, only the
// weeks they completed; 25th, 50th and 75th percentiles (percentile_cont, as
// domain/cultivation bandOf) where at least two launches reached the week.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { BAND, type BandPoint } from '../../domain/cultivation/launch-measures.js';
import { localDate } from '../../domain/visits/visit-cycle.js';
import type { LaunchBands } from '../../shared/cultivation.js';

type Row = { measure: keyof LaunchBands; week: number; low: number; median: number; high: number; launches: number };

export async function findLaunchBands(db: Db, orgId: number, launchId: number, now: Date): Promise<LaunchBands> {
  const rows = await query<Row>(
    db,
    sql`with me as (select launch_week from launches where org_id = ${orgId} and id = ${launchId}),
      v as (
        select s.week, m.measure, m.val
        from launches e join launch_week_stats s on s.org_id = e.org_id and s.launch_id = e.id and s.dim = 'all' and s.dim_key = 0
          cross join lateral (values ('listingRate', s.listing_rate), ('reorderRate', s.reorder_rate),
            ('requestedPer100', s.requested_qty * 100.0 / nullif(s.targets, 0)), ('suppliedPer100', s.supplied_qty * 100.0 / nullif(s.targets, 0))) as m(measure, val)
        where e.org_id = ${orgId} and e.id <> ${launchId} and e.launch_week < (select launch_week from me)
          and e.launch_week + 7 * s.week <= ${localDate(now)}::date and m.val is not null)
      select measure, week, percentile_cont(${BAND.low}::float8) within group (order by val::float8) as low,
        percentile_cont(0.5::float8) within group (order by val::float8) as median,
        percentile_cont(${BAND.high}::float8) within group (order by val::float8) as high, count(*)::int as launches
      from v group by measure, week having count(*) >= ${BAND.minLaunches} order by measure, week`,
  );
  const bands: LaunchBands = { listingRate: [], reorderRate: [], requestedPer100: [], suppliedPer100: [] };
  for (const r of rows) bands[r.measure].push({ week: r.week, low: Number(r.low), median: Number(r.median), high: Number(r.high), launches: r.launches } satisfies BandPoint);
  return bands;
}
