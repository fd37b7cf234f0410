// Province-size work as one job per county (issue 19 item 4, decisions 1924,
// 1925): the nightly measures and the 1st-of-month draft rating queue a job
// under each county's org — never one for a province or city company — so
// the runner's fair claim (1914) interleaves counties and a county that
// cannot start does not hold up the others. The roll-up row of each county
// says how far its rating and measures are (what the province screen shows).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { cloneCounty } from '../../src/app/demo/clone-county.js';
import { forgetOrgTree } from '../../src/app/org-tree/org-tree-queries.js';
import { refreshCountyRollup } from '../../src/app/org-tree/county-rollup.js';
import { enqueueJob } from '../../src/jobs/job-queue.js';
import { measuresNightlyJob } from '../../src/jobs/measures-nightly.js';
import { ratingDraftsJob } from '../../src/jobs/rating-batch.js';
import { startTestApp, TODAY, type TestApp } from '../support/test-app.js';

let t: TestApp;
let liling: number;
let youxian: number;
let province: number;
let city: number;

const jobsOf = (name: string) =>
  query<{ orgId: number | null; state: string }>(t.database.db, sql`select org_id as "orgId", state from jobs where name = ${name} order by org_id`);

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  [{ liling, city, province }] = await query<{ liling: number; city: number; province: number }>(
    db,
    sql`select l.id as liling, c.id as city, p.id as province from orgs l, orgs c, orgs p where l.code = 'liling' and c.code = 'zhuzhou' and p.code = 'hunan'`,
  );
  // A small second county of the same city, as the demo has (two grids and their shops' orders).
  ({ orgId: youxian } = await cloneCounty(db, liling, { code: 'youxian', name: '攸县烟草专卖局（营销部）', adcode: '430223', parentId: city, usernamePrefix: 'yx_', withOrders: true, grids: 2 }));
  forgetOrgTree();
});
afterAll(() => t?.close());

describe('work of every county as one job per county', () => {
  it('the clone of two grids is a small county: only those grids, their shops and their orders', async () => {
    const [n] = await query<{ grids: number; shops: number; foreign: number; orders: number }>(
      t.database.db,
      sql`select (select count(*)::int from grids where org_id = ${youxian}) as grids, (select count(*)::int from retailers where org_id = ${youxian}) as shops,
             (select count(*)::int from orders o where o.org_id = ${youxian} and not exists (select 1 from retailers r where r.org_id = o.org_id and r.id = o.retailer_id)) as foreign,
             (select count(*)::int from orders where org_id = ${youxian}) as orders`,
    );
    expect(n.grids).toBe(2);
    expect(n.shops).toBeGreaterThan(0);
    expect(n.orders).toBeGreaterThan(0);
    expect(n.foreign).toBe(0);
  });

  it("the nightly measures queue one job per county under the county's org, and each county gets its measures", async () => {
    await enqueueJob(t.database.db, measuresNightlyJob, { asOf: '2026-11-24' });
    await t.jobs.waitIdle();
    const jobs = await jobsOf('measures-nightly');
    const fanned = jobs.filter((j) => j.orgId !== null);
    expect(fanned.map((j) => j.orgId)).toEqual([liling, youxian].sort((a, b) => a - b));
    expect(fanned.every((j) => j.state === 'completed')).toBe(true);
    expect(jobs.some((j) => j.orgId === province || j.orgId === city)).toBe(false);
    const [m] = await query<{ liling: number; youxian: number }>(
      t.database.db,
      sql`select count(*) filter (where org_id = ${liling})::int as liling, count(*) filter (where org_id = ${youxian})::int as youxian
          from retailer_measures where as_of = '2026-11-24'`,
    );
    expect(m.liling).toBeGreaterThan(0);
    expect(m.youxian).toBeGreaterThan(0);
  });

  it('the draft rating of a month starts one rating job per county; a county whose month is published is skipped, not failed', async () => {
    // 醴陵's demo has September published (demo-seed-rating.ts); 攸县 has no run yet.
    await enqueueJob(t.database.db, ratingDraftsJob, { month: '2026-09' });
    await t.jobs.waitIdle();
    const [fan] = await query<{ state: string; result: { started: { orgId: number }[]; skipped: { orgId: number; reason: string }[] } }>(
      t.database.db,
      sql`select state, result from jobs where name = 'rating-drafts'`,
    );
    expect(fan.state).toBe('completed');
    expect(fan.result.started.map((s) => s.orgId)).toEqual([youxian]);
    expect(fan.result.skipped).toEqual([{ orgId: liling, reason: 'rating_month_published' }]);
    expect((await jobsOf('rating-batch')).map((j) => [j.orgId, j.state])).toEqual([[youxian, 'completed']]);
    const runs = await query<{ orgId: number; status: string }>(
      t.database.db,
      sql`select org_id as "orgId", status from rating_runs where month = '2026-09' order by org_id, id`,
    );
    expect(runs).toEqual([
      { orgId: liling, status: 'published' },
      { orgId: youxian, status: 'draft' },
    ]);
  });

  it("a county's roll-up row says its latest published rating, its latest draft and the night of its measures", async () => {
    const yx = await refreshCountyRollup(t.database.db, youxian, TODAY);
    expect(yx.runs).toEqual({ ratingPublished: null, ratingDraft: '2026-09', measuresAsOf: '2026-11-24' });
    const ll = await refreshCountyRollup(t.database.db, liling, TODAY);
    expect(ll.runs).toMatchObject({ ratingPublished: '2026-09', measuresAsOf: '2026-11-24' });
    const cookie = await t.login(['province', 'province123']);
    const res = (await t.app.inject({ method: 'GET', url: `/api/rollups?parentId=${city}`, headers: { cookie } })).json();
    // The city is as far as its slowest county: not every county has published a month yet.
    expect(res.total.runs).toEqual({ ratingPublished: null, ratingDraft: '2026-09', measuresAsOf: '2026-11-24' });

    // The four measures roll up as sums and counts: the city's averages weigh every shop of both counties alike (decision 1926).
    const [direct] = await query<{ shops: number; satisfaction: number | null; loyalty: number; dependence: number | null }>(
      t.database.db,
      sql`select count(*)::int as shops, round(avg(satisfaction)::numeric, 1)::float8 as satisfaction, round(avg(loyalty)::numeric, 1)::float8 as loyalty,
                 round(avg(dependence)::numeric, 1)::float8 as dependence
          from retailer_measures where org_id in (${liling}, ${youxian}) and as_of = '2026-11-24'`,
    );
    expect(res.total.measures).toMatchObject({ asOf: '2026-11-24', shops: direct.shops });
    expect(res.total.loyaltyAvg).toBeCloseTo(direct.loyalty, 1);
    expect(res.total.satisfactionAvg).toBe(direct.satisfaction);
    expect(res.total.dependenceAvg).toBe(direct.dependence);
    const row = res.rows.find((r: { orgId: number }) => r.orgId === youxian);
    expect(row.measures.shops).toBe(yx.measures!.shops);
    expect(row.measures.shops).toBeLessThan(res.total.measures.shops);
  });
});
