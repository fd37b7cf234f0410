// Rules set above the county, read where they matter (issue 19, decision
// 1927): the monthly rating batch rates a county under the scheme its city
// set, the desk opens a county's cases under the deadlines its city set, a
// county's own scheme or policy wins only while the rule above may be
// overridden, and a locked rule holds against the county's own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { DEFAULT_SCHEME } from '../../src/domain/rating/default-scheme.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
const c = {} as Record<'province' | 'city' | 'manager' | 'agent', string>;
let shop: number; // the retailer account's shop
let cityId: number;
const MONTH = '2026-10';

const call = (cookie: string, method: string, url: string, body?: unknown) => t.api(cookie, method, url, body);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Rate the month as the county manager and read the finished run. */
async function rate() {
  const res = await call(c.manager, 'POST', '/api/ratings/runs', { month: MONTH });
  expect(res.statusCode, res.body).toBe(202);
  await t.jobs.waitIdle();
  const run = (await call(c.manager, 'GET', `/api/ratings/runs/${res.json().id}`)).json();
  expect(run.status, JSON.stringify(run)).toBe('draft');
  const d = run.summary.distribution.star as { urban: number[]; rural: number[] };
  const all = d.urban.map((n, i) => n + d.rural[i]);
  return { id: run.id as number, schemeVersion: run.schemeVersion as string, sixStarShare: all[5] / sum(all) };
}

/** A price question about the shop, opened now (Tuesday 10:00 Shanghai): its first-contact deadline. */
async function openCase() {
  const res = await call(c.agent, 'POST', '/api/desk/cases', { retailerId: shop, category: 'price', text: '零售价怎么定' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; dueAt: string };
}

const firstContactIn = (minutes: number, replyMinutes = 900) => [{ category: '*', segment: '*', firstContactMinutes: minutes, replyMinutes, closeMinutes: 2250 }];

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  [{ id: cityId }] = await query<{ id: number }>(db, sql`select id from orgs where code = 'zhuzhou'`);
  [{ shop }] = await query<{ shop: number }>(db, sql`select retailer_id as shop from users where username = 'retailer'`);
  c.province = await t.login(['province', 'province123']);
  c.city = await t.login(['city', 'city123']);
  c.manager = await t.login('county_manager');
  c.agent = await t.login('call_agent');
});
afterAll(() => t?.close());

describe('the rating batch reads the scheme in force', () => {
  // The city's scheme: the default with every star cut-off at 0–5 points, so nearly every shop is six stars.
  const cityScheme = { ...DEFAULT_SCHEME, version: 'zz-city-1', star: { ...DEFAULT_SCHEME.star, cutoffs: { urban: [0, 1, 2, 3, 4, 5], rural: [0, 1, 2, 3, 4, 5] } } };
  let own: Awaited<ReturnType<typeof rate>>;

  it("a city's scheme rates its counties and the run records it", async () => {
    own = await rate();
    expect(own.schemeVersion).toBe(DEFAULT_SCHEME.version);
    expect(own.sixStarShare).toBeLessThan(0.5);

    const set = await call(c.city, 'PUT', '/api/org-rules/rating_scheme', { body: cityScheme, overridable: true });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().inForce).toMatchObject({ orgId: cityId, level: 'city', version: 1 });
    const seen = (await call(c.manager, 'GET', '/api/org-rules/rating_scheme')).json();
    expect(seen.inForce).toMatchObject({ orgName: '株洲市烟草公司', level: 'city' });
    const screen = (await call(c.manager, 'GET', '/api/ratings/schemes')).json();
    expect(screen.active.version).toBe('zz-city-1');
    expect(screen.inheritedFrom).toMatchObject({ orgName: '株洲市烟草公司', level: 'city', overridable: true });

    const underCity = await rate();
    expect(underCity.schemeVersion).toBe('zz-city-1');
    expect(underCity.sixStarShare).toBeGreaterThan(0.9);
  });

  it("the county's own scheme wins while the city's may be overridden; a locked one wins over it, refuses the county's next, and explains a published rating", async () => {
    // Not under a version the city's scheme already has: a run would read it back ambiguously.
    const clash = await call(c.manager, 'POST', '/api/ratings/schemes', { scheme: cityScheme, note: '' });
    expect(clash.json().code).toBe('rating_scheme_version_exists');
    const saved = await call(c.manager, 'POST', '/api/ratings/schemes', { scheme: { ...DEFAULT_SCHEME, version: 'liling-2026.11' }, note: '本县方案' });
    expect(saved.statusCode, saved.body).toBe(201);
    const overridden = await rate();
    expect(overridden.schemeVersion).toBe('liling-2026.11');
    expect(overridden.sixStarShare).toBe(own.sixStarShare);
    const seen = (await call(c.manager, 'GET', '/api/org-rules/rating_scheme')).json();
    expect(seen.inForce).toMatchObject({ level: 'county', overrides: '株洲市烟草公司' });

    // The city locks the same scheme: in force again, over the county's own.
    const lock = await call(c.city, 'PUT', '/api/org-rules/rating_scheme', { body: cityScheme, overridable: false });
    expect(lock.statusCode, lock.body).toBe(200);
    expect((await call(c.manager, 'GET', '/api/ratings/schemes')).json().inheritedFrom).toMatchObject({ level: 'city', overridable: false });
    const locked = await rate();
    expect(locked.schemeVersion).toBe('zz-city-1');
    expect(locked.sixStarShare).toBeGreaterThan(0.9);
    const refused = await call(c.manager, 'POST', '/api/ratings/schemes', { scheme: { ...DEFAULT_SCHEME, version: 'liling-2026.12' }, note: '' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'org_rule_not_overridable', message: expect.stringContaining('上级单位'), messageEn: expect.stringContaining('parent') });
    // Published, the shop's card explains its rating with the city's scheme, read back from the city's rule by its version.
    expect((await call(c.manager, 'POST', `/api/ratings/runs/${locked.id}/publish`)).statusCode).toBe(200);
    const card = await call(c.manager, 'GET', `/api/ratings/retailers/${shop}?month=${MONTH}`);
    expect(card.statusCode, card.body).toBe(200);
    expect(card.json().rating.star).toBe(6);
  });

  it('a rule body is checked when it is set: a scheme that does not add up, or a county setting its own here', async () => {
    const bad = { ...DEFAULT_SCHEME, version: 'zz-bad', tiers: { ...DEFAULT_SCHEME.tiers, shares: [50, 40] } };
    const res = await call(c.province, 'PUT', '/api/org-rules/rating_scheme', { body: bad, overridable: true });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('rating_scheme_invalid');
    const shapeless = await call(c.province, 'PUT', '/api/org-rules/rating_scheme', { body: { stars: 5 }, overridable: true });
    expect(shapeless.statusCode).toBe(400);
    const [{ n }] = await query<{ n: number }>(t.database.db, sql`select count(*)::int n from org_rules where kind = 'rating_scheme'`);
    expect(n).toBe(2);
  });
});

describe('the desk opens cases under the complaint policy in force', () => {
  it("a city's deadlines set a county's first-contact deadline; the county's own win while it may override; a lock wins and holds", async () => {
    const before = await openCase();
    // The default policy for this key customer: first contact within 240 working minutes → 15:30 Shanghai.
    expect(before.dueAt).toBe('2026-11-24T07:30:00.000Z');

    // The demo province has locked two fields of the policy; it opens it to its cities first.
    const open = await call(c.province, 'PUT', '/api/org-rules/complaint_policy', { body: { countyAfterMinutes: 450, surveyWorkingDays: 2 }, overridable: true });
    expect(open.statusCode, open.body).toBe(200);
    const set = await call(c.city, 'PUT', '/api/org-rules/complaint_policy', { body: { deadlines: firstContactIn(60) }, overridable: true });
    expect(set.statusCode, set.body).toBe(200);
    const underCity = await openCase();
    expect(underCity.dueAt).toBe('2026-11-24T03:00:00.000Z'); // 11:00 Shanghai
    const policy = (await call(c.manager, 'GET', '/api/desk/policy')).json();
    expect(policy.inheritedFrom).toMatchObject({ orgName: '株洲市烟草公司', level: 'city', overridable: true, fields: ['deadlines'] });
    expect(policy.rules.deadlines).toEqual(firstContactIn(60));

    // The county saves its own: it wins while the city's may be overridden.
    const saved = await call(c.manager, 'PUT', '/api/desk/policy', { ...policy.rules, deadlines: firstContactIn(120, 600) });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().inheritedFrom ?? null).toBeNull();
    const own = await openCase();
    expect(own.dueAt).toBe('2026-11-24T04:00:00.000Z'); // 12:00

    // The city locks its deadlines: in force over the county's own; the county may not change them, only the rest.
    const lock = await call(c.city, 'PUT', '/api/org-rules/complaint_policy', { body: { deadlines: firstContactIn(60) }, overridable: false });
    expect(lock.statusCode, lock.body).toBe(200);
    const locked = await openCase();
    expect(locked.dueAt).toBe('2026-11-24T03:00:00.000Z');
    const now = (await call(c.manager, 'GET', '/api/desk/policy')).json();
    expect(now.inheritedFrom).toMatchObject({ level: 'city', overridable: false, fields: ['deadlines'] });
    const refused = await call(c.manager, 'PUT', '/api/desk/policy', { ...now.rules, deadlines: firstContactIn(240) });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'org_rule_not_overridable', details: [expect.objectContaining({ field: 'deadlines' })] });
    const [{ manager }] = await query<{ manager: number }>(t.database.db, sql`select id as manager from users where username = 'manager'`);
    const handlers = await call(c.manager, 'PUT', '/api/desk/policy', { ...now.rules, logisticsHandlerId: manager });
    expect(handlers.statusCode, handlers.body).toBe(200);
    expect((await openCase()).dueAt).toBe('2026-11-24T03:00:00.000Z');

    // Each case keeps the version it was opened under: the one opened under the county's own still re-derives with 120 minutes.
    const [kept] = await query<{ own: number; locked: number; marker: string | null }>(
      t.database.db,
      sql`select (select policy_version from desk_cases where id = ${own.id}) as own, (select policy_version from desk_cases where id = ${locked.id}) as locked,
             (select p.rules->'inheritedFrom'->>'orgName' from desk_cases c join desk_policies p on p.org_id = c.org_id and p.version = c.policy_version where c.id = ${locked.id}) as marker`,
    );
    expect(kept.own).not.toBe(kept.locked);
    expect(kept.marker).toBe('株洲市烟草公司');
    // After the first call its reply is due 600 working minutes from the opening (Wednesday 14:00), not the city's 900.
    const called = await call(c.manager, 'POST', `/api/desk/cases/${own.id}/calls`, { text: '已电话联系', reached: true });
    expect(called.statusCode, called.body).toBe(200);
    const [after] = await query<{ dueAt: string }>(t.database.db, sql`select due_at as "dueAt" from desk_cases where id = ${own.id}`);
    expect(new Date(after.dueAt).toISOString()).toBe('2026-11-25T06:00:00.000Z');
  });

  it('a complaint policy from above is checked when it is set; a county sets its own on the desk screen, not here', async () => {
    const unknown = await call(c.city, 'PUT', '/api/org-rules/complaint_policy', { body: { firstContactHours: 4 }, overridable: true });
    expect(unknown.statusCode).toBe(400);
    const backwards = await call(c.city, 'PUT', '/api/org-rules/complaint_policy', {
      body: { deadlines: [{ category: '*', segment: '*', firstContactMinutes: 600, replyMinutes: 60, closeMinutes: 2250 }] },
      overridable: true,
    });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().code).toBe('desk_policy_invalid');
    // The city's lock above refuses first; with it lifted, the county is sent to its own screen.
    await call(c.city, 'PUT', '/api/org-rules/complaint_policy', { body: { deadlines: firstContactIn(60) }, overridable: true });
    const county = await call(c.manager, 'PUT', '/api/org-rules/complaint_policy', { body: { deadlines: firstContactIn(30) }, overridable: true });
    expect(county.statusCode).toBe(409);
    expect(county.json()).toMatchObject({ code: 'org_rule_county_screen', message: expect.stringContaining('工单时限') });
  });
});
