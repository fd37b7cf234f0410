// Demo ratings: compliance records for a few shops, and the two months before
// last computed and published, so a retailer can see why their star changed
// and the county manager has last month left to run and publish.
import { sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/access/viewer.js';
import { computeRatingRun } from '../../jobs/rating-batch.js';
import { query, type Db } from '../../db/client.js';
import { previousMonth } from '../rating/rating-inputs.js';
import { createRun, publishRun } from '../rating/rating-runs.js';
import { countyOwnScheme, getActiveScheme } from '../rating/rating-schemes.js';

export async function seedDemoRatings(db: Db, orgId: number, today: Date, opts: { baseline?: boolean } = {}): Promise<void> {
  const last = previousMonth(today.toISOString().slice(0, 7));
  const months = [previousMonth(previousMonth(last)), previousMonth(last)];
  // About one shop in nine has a compliance score below A; every 40th has three penalties (W).
  for (const month of months) {
    await db.execute(sql`insert into compliance_records (org_id, retailer_id, month, score, penalties, compliance_class, source)
      select ${orgId}, id, ${month}, s.score, s.pen,
        case when s.pen >= 3 or s.score <= 70 then 'W' when s.score <= 80 then 'C' when s.score <= 90 then 'B' else 'A' end, 'demo'
      from retailers cross join lateral (select 60 + (id * 37 + ${Number(month.slice(5))} * 11) % 41 as score,
        case when id % 40 = 0 then 3 else 0 end as pen) s
      where org_id = ${orgId} and (id % 9 = 0 or id % 40 = 0)`);
  }
  // The demo retailer account's shop: clean last-but-one month, a C (two penalties) the month after, so its star has a story.
  const [demo] = await query<{ id: number }>(db, sql`select retailer_id as id from users where username = 'retailer' and org_id = ${orgId}`);
  if (demo) {
    await db.execute(sql`delete from compliance_records where retailer_id = ${demo.id}`);
    await db.execute(sql`insert into compliance_records (org_id, retailer_id, month, score, penalties, compliance_class, source)
      values (${orgId}, ${demo.id}, ${months[0]}, 96, 0, 'A', 'demo'), (${orgId}, ${demo.id}, ${months[1]}, 78, 2, 'C', 'demo')`);
  }
  const [manager] = await query<{ id: number; username: string; displayName: string }>(
    db,
    sql`select id, username, display_name as "displayName" from users where org_id = ${orgId} and role = 'county_manager' order by id limit 1`,
  );
  const viewer: Viewer = {
    userId: manager?.id ?? 0,
    orgId,
    role: 'county_manager',
    username: manager?.username ?? 'system',
    displayName: manager?.displayName ?? 'system',
    stationId: null,
    retailerId: null,
  };
  // A baseline county (a schema before the org tree, for the migration test) has no rules above it to read.
  const scheme = await (opts.baseline ? countyOwnScheme : getActiveScheme)(db, orgId, manager?.id ?? null);
  for (const month of months) {
    const runId = await createRun(db, orgId, month, scheme.version, manager?.id ?? null);
    await computeRatingRun(db, runId, { orgId, month, userId: manager?.id ?? null });
    await publishRun(db, viewer, runId, today);
  }
}
