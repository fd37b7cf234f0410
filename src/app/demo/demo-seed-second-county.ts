// The demo's second county (issue 19): 攸县, a small county beside 醴陵 under
// the same city, so the move screen has somewhere to move a shop to and the
// city and province roll-ups sum two real counties. A set-based copy of the
// demo county (clone-county.ts, decision 1913) cut to its first grids and its
// last weeks of orders, so the demo's start-up stays about as fast (decision
// 1923). Same places as 醴陵 (a copy, not a second map); its own code, name,
// usernames (`yx_manager`, `yx_worker1`, …) and roll-up row.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { refreshCountyRollup } from '../org-tree/county-rollup.js';
import { forgetOrgTree } from '../org-tree/org-tree-queries.js';
import { cloneCounty } from './clone-county.js';
import { computeMeasures } from '../measures/compute-measures.js';
import { beijingDate } from '../ordering/order-reminders.js';
import { seedDemoVisitHistory } from './demo-seed-visit-history.js';

export const DEMO_SECOND_COUNTY = {
  code: 'youxian',
  name: '攸县烟草专卖局（营销部）',
  adcode: '430223',
  usernamePrefix: 'yx_',
  /** Grids copied from 醴陵 (the first by id) with their shops. */
  grids: 3,
  /** Weeks of order history copied: the roll-ups' order week and the three before it for 动销率, and a quarter for the measures. */
  orderWeeks: 13,
} as const;

export async function seedDemoSecondCounty(db: Db, templateOrgId: number, cityId: number, today: Date, onProgress: (step: string) => void = () => {}): Promise<{ orgId: number }> {
  const c = DEMO_SECOND_COUNTY;
  const since = new Date(today.getTime() - c.orderWeeks * 7 * 86_400_000).toISOString().slice(0, 10);
  const { orgId } = await cloneCounty(db, templateOrgId, {
    code: c.code,
    name: c.name,
    adcode: c.adcode,
    parentId: cityId,
    usernamePrefix: c.usernamePrefix,
    withOrders: true,
    grids: c.grids,
    ordersSince: since,
  });
  // 攸县 follows the province's tier shares (no override of its own), unlike 醴陵.
  forgetOrgTree();
  for (const table of ['retailers', 'orders', 'order_lines']) await db.execute(sql.raw(`analyze ${table}`));
  // The visit calendar of this cycle and its visits so far, made as 醴陵's (demo-seed-visit-history.ts), so 拜访进度, the
  // roll-up's visits column and the workers' day route are not empty. Only the workers of the copied grids: the copy
  // brings every staff user, and an empty calendar for each of the others cost more than the real ones (decision 1929).
  onProgress('第二个县的拜访日历 the second county\'s visit calendar');
  const workers = await query<{ id: number }>(db, sql`select distinct worker_id as id from grids where org_id = ${orgId} and worker_id is not null order by 1`);
  await seedDemoVisitHistory(db, orgId, today, workers.map((w) => w.id));
  onProgress('第二个县的四度与汇总 the second county\'s measures and roll-up');
  // Tonight's measures, so its row in the measures roll-up is not empty on the first day (the nightly job does it after).
  await computeMeasures(db, orgId, beijingDate(today));
  await refreshCountyRollup(db, orgId, today);
  return { orgId };
}

