// The audit log (issue 14 item 7): every business write through the API
// leaves an entry with the caller and their IP; the screen filters by day,
// person, action and object; objects read by name; the export neutralises
// formula-like cells.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import type { AuditItem } from '../../src/shared/audit.js';
import { startTestApp, type DemoRole, type TestApp } from '../support/test-app.js';
import { MATRIX, matrixCalls } from './matrix/index.js';
import { ROLES, type MatrixContext } from './matrix/types.js';

let t: TestApp;
const cookies = {} as Record<DemoRole, string>;
let own: number;
let other: number;

/** Writes that are not business writes of the county (a computation's proposal, a selection read by POST). */
// Computations and previews that write nothing, and a person's own inbox state (read marks are kept on the notice rows).
const NOT_WRITES = new Set(['POST /api/map/select', 'POST /api/delivery-points/proposal', 'POST /api/notices/preview', 'POST /api/notices/read-all', 'POST /api/notices/:id/read',
  // Recomputes the roll-up summaries from the counties' data (decision 1911): no business data changes.
  'POST /api/rollups/refresh',
  'POST /api/care/disasters/preview',
  // Renders unsaved template text with a shop; nothing is stored (decision 1135).
  'POST /api/notice-templates/:code/preview',
]);

/**
 * Write routes the matrix only calls with a refused request (its bodies are
 * built to give the same answer however often they run): where their audit
 * row is checked.
 */
const CHECKED_ELSEWHERE: Record<string, string> = {
  'POST /api/notice-templates/:code/versions': 'saveTemplate (create, notice_template, the whole text); notice-templates.test.ts',
  'POST /api/auth/login': 'writeAudit in routes/auth.ts (login, login_failed, login_throttled); login-throttle.test.ts',
  'POST /api/auth/logout': 'routes/auth.ts; this file: logout',
  'POST /api/auth/password': 'app/auth/change-password.ts (password_change, password_change_failed); change-password.test.ts',
  // The matrix resets an id nobody has, so no demo account's password changes.
  'POST /api/users/:id/password-reset': 'app/users/reset-user-password.ts (password_reset, without the secret); password-reset.test.ts',
  // The matrix edits an id nobody has.
  'PATCH /api/users/:id': 'app/users/update-user.ts (update, user, what changed); staff-accounts.test.ts',
  // The matrix's override names a product without a forecast in this county copy (refused, 4xx).
  'POST /api/forecasts/overrides': 'app/forecast/create-forecast-override.ts; forecast.test.ts (override audited)',
  'POST /api/forecasts/overrides/withdraw': 'app/forecast/forecast-overrides.ts withdrawForecastOverride; forecast.test.ts (withdrawal audited)',
  'POST /api/forecasts/shop-overrides': 'app/forecast/forecast-overrides.ts createShopOverride; forecast.test.ts (shop override audited)',
  'POST /api/forecasts/shop-overrides/withdraw': 'app/forecast/forecast-overrides.ts withdrawShopOverride; forecast.test.ts (shop withdrawal audited)',
  'POST /api/calendar/overrides': 'app/calendar/calendar-overrides.ts; deskcal.test.ts',
  'DELETE /api/calendar/overrides/:date': 'app/calendar/calendar-overrides.ts; deskcal.test.ts',
  'POST /api/onboardings': 'app/onboarding/record-licence.ts; deskcal.test.ts',
  'POST /api/onboardings/:id/steps': 'app/onboarding/complete-onboarding-step.ts; deskcal.test.ts',
  'POST /api/notice-campaigns/:id/decision': 'app/notices/campaigns.ts decideCampaign',
  'PUT /api/measures/definition': 'app/measures/measure-definitions.ts saveMeasureDefinition; measures.test.ts',
  'PUT /api/score-sheets/scheme': 'app/measures/score-sheet-schemes.ts saveScoreScheme',
  'PUT /api/care/special-groups/:id': 'app/care/special-groups.ts renewSpecialGroup; care.test.ts',
  'POST /api/care/tasks/:id/done': 'app/care/care-tasks.ts completeCareTask',
  'PUT /api/care/disasters/:id/shops/:retailerId/contact': 'app/care/disaster-work.ts recordContact; care.test.ts',
  'POST /api/care/disasters/:id/help': 'app/care/disaster-work.ts addHelp; care.test.ts',
  'POST /api/care/disasters/:id/freeze': 'app/care/disaster-work.ts freezeDisasterMonths; care.test.ts',
  'POST /api/ratings/tier-causes': 'app/rating (tier causes); rating-stability.test.ts',
  'PUT /api/supply-plans/:id/windows/:weekday': 'app/ordering/set-order-window.ts; first-day-ordering.test.ts (before, after, reason)',
  'POST /api/orders': 'this file: a phone order',
  'PUT /api/orders/:id': 'app/ordering/order-submit.ts amendOrder',
  'POST /api/order-lines/:id/corrections': 'app/ordering/order-corrections.ts requestCorrection',
  'POST /api/order-corrections/:id/decision': 'routes/order-corrections.ts (decide)',
  'POST /api/emergency-requests/:id/decision': 'routes/order-corrections.ts (decide)',
  'POST /api/orders/:id/settlement': 'app/ordering/settlement.ts recordSettlement',
  'POST /api/orders/:id/settlement/retry': 'app/ordering/settlement.ts retrySettlement',
  'POST /api/ratings/runs': 'jobs/rating-batch.ts startRatingBatch (create)',
  'POST /api/ratings/runs/:id/publish': 'app/rating/rating-runs.ts publishRun (publish)',
  'POST /api/ratings/schemes': 'routes/ratings.ts',
  'POST /api/ratings/runs/:id/retailers/:retailerId/tier': 'app/rating/change-retailer-tier.ts',
  'POST /api/ratings/freezes': 'app/rating/add-rating-freeze.ts',
  'POST /api/ratings/compliance/import': 'routes/ratings.ts (import)',
  'PUT /api/representatives/settings': 'routes/representatives.ts',
  'POST /api/representatives': 'routes/representatives.ts',
  'POST /api/representatives/:id/respond': 'routes/representatives.ts',
  'POST /api/representatives/:id/exit': 'routes/representatives.ts',
  'POST /api/representatives/:id/review': 'routes/representatives.ts',
  'POST /api/retailers/import': 'app/retailers/retailer-import.ts (import)',
  'POST /api/retailers/:id/move': 'app/retailers/move-retailer.ts (move, in both orgs; tests/integration/retailer-move.test.ts)',
  'POST /api/supply-plans/:id/import': 'routes/supply-plan-import.ts (import)',
  'DELETE /api/grids/:id': 'app/grids/grid-operations.ts (delete)',
  'POST /api/grids/:id/merge': 'app/grids/grid-operations.ts (delete, mergedInto)',
  'POST /api/grids/:id/split': 'app/grids/grid-operations.ts (create, and the move)',
  'POST /api/grid-proposals/:id/apply': 'app/grids/grid-proposals.ts applyProposal (update)',
  'POST /api/surveys/rounds/:id/close': 'app/surveys/launch-round.ts closeRound (update)',
  'POST /api/surveys/rounds/:id/invitations': 'app/surveys/survey-links.ts sendInvitations (submit, invite)',
  'POST /api/surveys/rounds/:id/answers': 'app/surveys/record-answer.ts (submit; the rated worker\'s refusal too); surveys.test.ts',
  'POST /api/my/surveys/:id/answers': 'app/surveys/record-answer.ts (submit)',
  'POST /api/public/surveys/:token': 'app/surveys/record-answer.ts (submit, as the shop\'s account)',
};

const maxId = async () => (await query<{ n: number }>(t.database.db, sql`select coalesce(max(id), 0)::int as n from audit_log`))[0].n;

beforeAll(async () => {
  t = await startTestApp();
  for (const role of ROLES) cookies[role] = await t.login(role);
  const [u] = await query<{ retailerId: number; stationId: number }>(
    t.database.db,
    sql`select u.retailer_id as "retailerId", g.station_id as "stationId" from users u
      join retailers r on r.id = u.retailer_id join grids g on g.id = r.grid_id where u.username = 'retailer'`,
  );
  own = u.retailerId;
  other = (await query<{ id: number }>(t.database.db, sql`select r.id from retailers r join grids g on g.id = r.grid_id where g.station_id <> ${u.stationId} order by r.id limit 1`))[0].id;
});
afterAll(() => t?.close());

describe('every business write is audited', () => {
  it('each write route of the authorisation matrix, called by a role that may, leaves an entry with the caller and their IP', async () => {
    const ctx: MatrixContext = { t, own: () => own, other: () => other };
    const calls = matrixCalls(ctx).filter((c) => c.method !== 'GET');
    const users = new Map((await query<{ id: number; username: string }>(t.database.db, sql`select id, username from users`)).map((u) => [u.username, u.id]));
    const usernames: Record<DemoRole, string> = { admin: 'admin', county_manager: 'manager', station_head: 'station1', grid_worker: 'worker1', call_agent: 'agent', retailer: 'retailer' };
    // Publishing the matrix's plan waits for its allocation (seconds): an empty draft is published instead.
    const [{ emptyPlan }] = await query<{ emptyPlan: number }>(
      t.database.db,
      sql`insert into supply_plans (org_id, week_start) select org_id, '2031-01-06' from retailers where id = ${own} returning id as "emptyPlan"`,
    );
    const urlOf = (c: (typeof calls)[number]) =>
      c.name === 'supply plan publish' ? `/api/supply-plans/${emptyPlan}/publish` : c.name === 'order window move' ? `/api/supply-plans/${emptyPlan}/windows/1` : c.url();
    const missing: string[] = [];
    const succeeded = new Set<string>();
    for (const call of calls) {
      const i = call.expected.findIndex((s) => s >= 200 && s < 300);
      const role = ROLES[Math.max(0, i)];
      const before = await maxId();
      // Every body runs, even of calls expected to fail: the modules read the ids later calls use there.
      const body = call.body && call.name !== 'supply plan publish' ? await call.body() : undefined;
      const res = await t.api(cookies[role], call.method, urlOf(call), body);
      if (i < 0 || res.statusCode >= 300 || NOT_WRITES.has(`${call.method} ${call.route}`)) continue;
      succeeded.add(`${call.method} ${call.route}`);
      // The matrix moves a shop into the grid it is in: nothing changes, so nothing is audited (a real move is, in moveRetailersTx).
      if (call.name === 'grid move retailers') continue;
      const rows = await query<{ userId: number; ip: string | null }>(t.database.db, sql`select user_id as "userId", ip from audit_log where id > ${before}`);
      if (!rows.some((r) => r.userId === users.get(usernames[role]) && r.ip)) missing.push(`${call.name} (${call.method} ${call.route} as ${role})`);
    }
    expect(missing).toEqual([]);
    // A new write route must either succeed in the matrix (and so be checked above) or be named here with where its audit is tested.
    const writeRoutes = t.app.apiRoutes.filter((r) => !r.startsWith('GET ') && !NOT_WRITES.has(r));
    expect(writeRoutes.filter((r) => !succeeded.has(r) && !CHECKED_ELSEWHERE[r]).sort()).toEqual([]);
  });

  it('a phone order taken in an open window is audited with the shop and order day as its name', async () => {
    // This week's plan, published, with Tuesday's window open at the test clock (Tuesday 10:00 in China).
    const db = t.database.db;
    const [{ planId }] = await query<{ planId: number }>(
      db,
      sql`insert into supply_plans (org_id, week_start, status, published_at) select org_id, '2026-11-23', 'published', now() from retailers where id = ${own} returning id as "planId"`,
    );
    await db.execute(sql`insert into order_windows (org_id, plan_id, weekday, order_date, opens_at, closes_at)
      select org_id, ${planId}, 2, '2026-11-24', '2026-11-23T00:00:00Z', '2026-11-24T09:00:00Z' from supply_plans where id = ${planId}`);
    const [shop] = await query<{ id: number; name: string }>(db, sql`select id, shop_name as name from retailers where order_weekday = 2 and status = 'active' order by id limit 1`);
    const [product] = await query<{ id: number }>(db, sql`select id from products where active and not scarce order by id limit 1`);
    const res = await t.api(cookies.call_agent, 'POST', '/api/orders', { retailerId: shop.id, channel: 'phone', idempotencyKey: 'audit-order-1', lines: [{ productId: product.id, orderedQty: 2 }] });
    expect(res.statusCode, res.body).toBe(201);
    const replay = await t.api(cookies.call_agent, 'POST', '/api/orders', { retailerId: shop.id, channel: 'phone', idempotencyKey: 'audit-order-1', lines: [{ productId: product.id, orderedQty: 2 }] });
    expect(replay.json().replayed).toBe(true);
    const entries = (await t.api(cookies.admin, 'GET', '/api/audit?action=submit&entity=order')).json().items as AuditItem[];
    expect(entries).toHaveLength(1); // the replay wrote nothing
    expect(entries[0]).toMatchObject({ entityIds: [res.json().orderId], objectName: `${shop.name} · 2026-11-24`, detail: { channel: 'phone' } });
    expect(entries[0].ip).toBeTruthy();
  });

  it('a logout is audited', async () => {
    const cookie = await t.login('call_agent');
    const before = await maxId();
    expect((await t.api(cookie, 'POST', '/api/auth/logout')).statusCode).toBe(200);
    const rows = await query<{ action: string }>(t.database.db, sql`select action from audit_log where id > ${before}`);
    expect(rows).toEqual([{ action: 'logout' }]);
  });

  it('an edit of a retailer file records the IP it came from', async () => {
    const [{ version }] = await query<{ version: number }>(t.database.db, sql`select version from retailers where id = ${own}`);
    const before = await maxId();
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/retailers/${own}`,
      headers: { cookie: cookies.admin },
      remoteAddress: '10.1.2.3',
      payload: { version, shopName: '审计测试小卖部' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await query<{ ip: string; action: string }>(t.database.db, sql`select ip, action from audit_log where id > ${before} and entity = 'retailer'`);
    expect(row).toEqual({ ip: '10.1.2.3', action: 'update' });
  });
});

describe('the audit screen', () => {
  const list = async (q: string) => {
    const res = await t.api(cookies.admin, 'GET', `/api/audit?pageSize=200&${q}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: AuditItem[]; users: { id: number; name: string }[] };
  };

  it('filters by action, person and day, and names the objects', async () => {
    const edits = await list('action=update&entity=retailer');
    expect(edits.items.length).toBeGreaterThan(0);
    expect(edits.items.every((i) => i.action === 'update' && i.entity === 'retailer')).toBe(true);
    expect(edits.items.find((i) => i.entityIds[0] === own)?.objectName).toBe('审计测试小卖部');

    const worker = edits.users.find((u) => u.name.length > 0 && u.id === edits.items.find((i) => i.userName)?.userId);
    expect(worker).toBeDefined();
    const byUser = await list(`userId=${worker!.id}`);
    expect(byUser.items.length).toBeGreaterThan(0);
    expect(byUser.items.every((i) => i.userId === worker!.id)).toBe(true);

    // The test clock is 2026-11-24 10:00 in China: what this file wrote is on that day; a day holds only its own China-time entries
    // (the demo seed's history, e.g. onboarding steps, falls on earlier days).
    const today = (await list('from=2026-11-24&to=2026-11-24')).items;
    expect(today.length).toBeGreaterThan(0);
    expect(today.every((i) => i.at >= '2026-11-23T16:00:00.000Z' && i.at < '2026-11-24T16:00:00.000Z')).toBe(true);
    const dayBefore = (await list('from=2026-11-23&to=2026-11-23')).items;
    expect(dayBefore.every((i) => i.at >= '2026-11-22T16:00:00.000Z' && i.at < '2026-11-23T16:00:00.000Z')).toBe(true);
    expect(dayBefore.some((i) => i.userId === worker!.id && i.entity === 'retailer')).toBe(false);

    const visits = await list('action=submit&entity=visit');
    expect(visits.items.length).toBeGreaterThan(0);
    expect(visits.items[0].objectName).toMatch(/\S/);
    expect(visits.items[0].userName).toBeTruthy();

    const plans = await list('entity=supply_plan');
    expect(plans.items.map((i) => i.action)).toEqual(expect.arrayContaining(['create']));
    expect(plans.items[0].objectName).toMatch(/^\d{4}-\d{2}-\d{2} ~ \d{4}-\d{2}-\d{2}$/);

    // The demo's new-licence steps name their shop, not "onboarding · #2" (issue 14 item 7).
    const onboarding = (await list('entity=onboarding')).items;
    expect(onboarding.length).toBeGreaterThan(0);
    const [{ shopName }] = await query<{ shopName: string }>(t.database.db, sql`select shop_name as "shopName" from onboardings where id = ${onboarding[0].entityIds[0]}`);
    expect(onboarding[0].objectName).toBe(shopName);
  });

  it('refuses a bad filter with 400 and changes nothing', async () => {
    const res = await t.api(cookies.admin, 'GET', '/api/audit?action=drop_table');
    expect(res.statusCode).toBe(400);
    expect((await t.api(cookies.admin, 'GET', '/api/audit?from=2026-02-30')).statusCode).toBe(400);
  });

  it('exports the filtered entries as CSV with formula-like cells neutralised, and audits the export', async () => {
    await t.api(cookies.admin, 'PATCH', `/api/retailers/${own}`, {
      version: (await query<{ version: number }>(t.database.db, sql`select version from retailers where id = ${own}`))[0].version,
      shopName: '=HYPERLINK("x")',
    });
    const res = await t.api(cookies.admin, 'GET', '/api/audit/export?format=csv&entity=retailer&action=update');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const text = res.body.replace(/^\ufeff/, '');
    expect(text.split('\r\n')[0]).toBe('时间,操作人,操作,对象,详情,IP');
    expect(text).toContain('修改');
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const xlsx = await t.api(cookies.admin, 'GET', '/api/audit/export?format=xlsx&lang=en');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await list('action=export&entity=audit_log')).items.length).toBe(2);
  });
});
