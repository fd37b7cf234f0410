// Every role × every endpoint: what each may do, and that scope holds in the
// rows returned, not only in the menu.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { startTestApp, type DemoRole, type TestApp } from '../support/test-app.js';
import { MATRIX, matrixCalls } from './matrix/index.js';
import { REGIONAL_ACCOUNTS, ROLES, type MatrixCall, type MatrixContext } from './matrix/types.js';
import { OWN_ACCOUNT_ROUTES, REGIONAL_HOME_ROUTES } from '../../src/server/auth/regional.js';

let t: TestApp;
const cookies = {} as Record<DemoRole, string>;
let own: number; // the retailer user's retailer, in worker1's grid and station 1
let other: number; // a retailer in another station
const roles: DemoRole[] = [...ROLES];
const regional = {} as Record<keyof typeof REGIONAL_ACCOUNTS, string>;
let county: number; // the demo county, which the province and city users drill into

beforeAll(async () => {
  t = await startTestApp();
  for (const role of roles) cookies[role] = await t.login(role);
  for (const [name, account] of Object.entries(REGIONAL_ACCOUNTS)) regional[name as keyof typeof REGIONAL_ACCOUNTS] = await t.login([...account]);
  [{ county }] = await query<{ county: number }>(t.database.db, sql`select id as county from orgs where code = 'liling'`);
  const [u] = await query<{ retailerId: number; stationId: number }>(
    t.database.db,
    sql`select u.retailer_id as "retailerId", g.station_id as "stationId" from users u
      join retailers r on r.id = u.retailer_id join grids g on g.id = r.grid_id where u.username = 'retailer'`,
  );
  own = u.retailerId;
  const [o] = await query<{ id: number }>(
    t.database.db,
    sql`select r.id from retailers r join grids g on g.id = r.grid_id where g.station_id <> ${u.stationId} order by r.id limit 1`,
  );
  other = o.id;
});
afterAll(() => t?.close());

const currentVersion = async (id: number) =>
  (await query<{ version: number }>(t.database.db, sql`select version from retailers where id = ${id}`))[0].version;

const ctx: MatrixContext = {
  get t() {
    return t;
  },
  own: () => own,
  other: () => other,
};
const calls: MatrixCall[] = matrixCalls(ctx);

describe('authorisation matrix', () => {
  const outsideMatrix = MATRIX.flatMap((m) => m.outside ?? []);

  it('covers every endpoint of the API: a new route must be added to a module in tests/integration/matrix', () => {
    const covered = new Set([...calls.map((c) => `${c.method} ${c.route}`), ...outsideMatrix]);
    expect([...new Set(t.app.apiRoutes)].sort()).toEqual([...covered].sort());
    expect(new Set(calls.map((c) => c.name)).size, 'call names are unique').toBe(calls.length);
  });

  it('only the routes reviewed as writing nothing are open to a read-only viewer (decision 1660)', () => {
    // A new `sideEffectFree` route is added here after checking that it writes no row, no audit and no job.
    expect([...t.app.sideEffectFreeRoutes].sort()).toEqual(['POST /api/map/select', 'POST /api/notice-templates/:code/preview']);
  });

  for (const call of calls) {
    it(`${call.name}: nobody logged in gets 401`, async () => {
      const res = await t.api(null, call.method, call.url(), call.body ? await call.body() : undefined);
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('unauthenticated');
    });
    roles.forEach((role, i) => {
      it(`${call.name} as ${role} → ${call.expected[i]}`, async () => {
        const res = await t.api(cookies[role], call.method, call.url(), call.body ? await call.body() : undefined);
        expect(res.statusCode, res.body.slice(0, 300)).toBe(call.expected[i]);
        if (res.statusCode >= 400) expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
      });
    });
    // Province and city users (decision 1910): at home only the roll-up routes; drilled into the county, the county
    // manager's reads and no writes at all.
    for (const name of Object.keys(REGIONAL_ACCOUNTS) as (keyof typeof REGIONAL_ACCOUNTS)[]) {
      const key = `${call.method} ${call.route}`;
      const home = call.regionalHome ?? 403;
      it(`${call.name} as ${name} at home → ${home}`, async () => {
        expect(call.regionalHome === undefined || REGIONAL_HOME_ROUTES.has(key), 'regionalHome only on routes a regional user may call at home').toBe(true);
        const res = await t.api(regional[name], call.method, call.url(), call.body ? await call.body() : undefined);
        expect(res.statusCode, res.body.slice(0, 300)).toBe(home);
        if (call.regionalHome === undefined) expect(res.json().code).toBe('org_county_required');
      });
      // Writes to the user's own account (logout, their password) are theirs wherever they look; a route declared
      // side-effect free (decision 1660) is a read there, answering what the county manager gets.
      // (The flags are read from the app once it is built, so the title names the rule, not the status.)
      it(`${call.name} as ${name} in the county → ${call.method === 'GET' ? call.expected[1] : 'org_read_only unless open to a reader'}`, async () => {
        const write = call.method !== 'GET' && !OWN_ACCOUNT_ROUTES.has(key) && !t.app.sideEffectFreeRoutes.includes(key);
        const drilled = write ? 403 : call.expected[1];
        const res = await t.app.inject({
          method: call.method as 'GET',
          url: call.url(),
          headers: { cookie: regional[name], 'x-zy-org': String(county) },
          ...(call.body ? { payload: (await call.body()) as object } : {}),
        });
        expect(res.statusCode, res.body.slice(0, 300)).toBe(drilled);
        if (write) expect(res.json().code).toBe('org_read_only');
      });
    }
  }

  it('the import endpoint refuses roles without the permission before reading the file', async () => {
    for (const role of ['station_head', 'grid_worker', 'call_agent', 'retailer'] as const) {
      const res = await t.api(cookies[role], 'POST', '/api/retailers/import');
      expect(res.statusCode, role).toBe(403);
    }
  });
});

describe('scope holds in the rows returned', () => {
  const all = '/api/retailers?pageSize=200';

  it('a grid worker lists only the retailers of their own grids', async () => {
    const grids = (await t.api(cookies.grid_worker, 'GET', '/api/grids')).json() as { id: number; workerName: string }[];
    const mine = new Set(grids.map((g) => g.id));
    expect(new Set(grids.map((g) => g.workerName)).size).toBe(1);
    const list = (await t.api(cookies.grid_worker, 'GET', all)).json();
    const [{ n }] = await query<{ n: number }>(
      t.database.db,
      sql`select count(*)::int n from retailers r join grids g on g.id = r.grid_id join users u on u.id = g.worker_id where u.username = 'worker1'`,
    );
    expect(list.total).toBe(n);
    expect(list.items.every((r: { gridId: number }) => mine.has(r.gridId))).toBe(true);
  });

  it('a station head lists only their station, even when filtering for another', async () => {
    const me = (await t.api(cookies.station_head, 'GET', '/api/me')).json();
    const list = (await t.api(cookies.station_head, 'GET', all)).json();
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.every((r: { stationId: number }) => r.stationId === me.user.stationId)).toBe(true);
    const stations = (await t.api(cookies.admin, 'GET', '/api/stations')).json() as { id: number }[];
    const foreign = stations.find((s) => s.id !== me.user.stationId)!;
    const filtered = (await t.api(cookies.station_head, 'GET', `/api/retailers?stationId=${foreign.id}`)).json();
    expect(filtered.total).toBe(0);
  });

  it('the county manager and the call centre see the whole county', async () => {
    const [{ n }] = await query<{ n: number }>(t.database.db, sql`select count(*)::int n from retailers`);
    expect((await t.api(cookies.county_manager, 'GET', all)).json().total).toBe(n);
    expect((await t.api(cookies.call_agent, 'GET', all)).json().total).toBe(n);
  });

  it('a grid worker cannot move a retailer to another grid; a station head only into grids of the station', async () => {
    const grids = (await t.api(cookies.admin, 'GET', '/api/grids')).json() as { id: number; workerName: string }[];
    const mine = (await t.api(cookies.grid_worker, 'GET', '/api/grids')).json() as { id: number }[];
    const station = (await t.api(cookies.station_head, 'GET', '/api/grids')).json() as { id: number }[];
    const foreign = grids.find((g) => !station.some((m) => m.id === g.id))!;
    const res = await t.api(cookies.grid_worker, 'PATCH', `/api/retailers/${own}`, { version: await currentVersion(own), gridId: foreign.id });
    expect(res.statusCode).toBe(403);
    expect(res.json().details[0]).toMatchObject({ field: 'gridId', code: 'retailer_field_forbidden' });
    expect(mine.length).toBeGreaterThan(0);
    const head = await t.api(cookies.station_head, 'PATCH', `/api/retailers/${own}`, { version: await currentVersion(own), gridId: foreign.id });
    expect(head.statusCode).toBe(400);
    expect(head.json().details[0]).toMatchObject({ field: 'gridId', code: 'unknown_grid' });
  });
});
