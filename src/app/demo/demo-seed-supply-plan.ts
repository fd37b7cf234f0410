// The demo starts on an order day: this week's supply plan is created from
// the last four weeks' demand, allocated and published by the county manager,
// so every order window of the week exists and today's (08:00 yesterday to
// 17:00 today, Beijing time) is open when the demo is first opened.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { chinaDay, isoDate, mondayOf } from '../../domain/demo/calendar.js';
import { createPlan, publishPlan, runAllocation } from '../ordering/supply-plans.js';

export async function seedDemoSupplyPlan(db: Db, orgId: number, today: Date): Promise<number> {
  const [manager] = await query<Viewer>(
    db,
    sql`select id as "userId", org_id as "orgId", role, username, display_name as "displayName", station_id as "stationId", retailer_id as "retailerId"
        from users where org_id = ${orgId} and role = 'county_manager' and active order by id limit 1`,
  );
  if (!manager) throw new Error('the demo county has no county manager');
  const weekStart = isoDate(mondayOf(chinaDay(today)));
  const planId = await createPlan(db, manager, { weekStart, note: '演示：本周货源计划 demo: this week' });
  await runAllocation(db, manager, planId, today);
  await publishPlan(db, manager, planId, today);
  return planId;
}
