// The real app with the built web UI on a free port, over a fresh copy of a
// small seeded demo county.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';
import { DEMO_ACCOUNTS, TODAY, type DemoRole } from '../support/test-app.js';
import { DEFAULT_DEMO } from '../support/db-template.js';
import pino from 'pino';
import { createJobRunner } from '../../src/jobs/registry.js';
import type { JobRunner } from '../../src/jobs/runner.js';
import type { DayRoute } from '../../src/shared/visits.js';

export const WEB_DIR = path.resolve('dist/web');

export type WebApp = {
  app: FastifyInstance;
  /** The database behind the app, for tests that plant rows the API would not write. */
  database: TestDatabase;
  baseUrl: string;
  /** The job runner beside the app, as in `npm start`. */
  jobs: JobRunner;
  /** Session cookie of a demo account, for API calls made by the test itself. */
  login: (role: DemoRole) => Promise<string>;
  get: <T>(cookie: string, url: string) => Promise<T>;
  /** Any API call as that session; throws unless the answer is 2xx. */
  call: (cookie: string, method: string, url: string, body?: unknown) => Promise<any>;
  /** This week's supply plan (week of TODAY), allocated and published with every order window open; answers its id. */
  publishOpenPlan: (managerCookie: string) => Promise<number>;
  /** GET /api/visit-plans/day{query}; when the calendar is still being planned, waits for the job and asks again. */
  dayRoute: (cookie: string, query?: string) => Promise<DayRoute>;
  close: () => Promise<void>;
};

export async function startWebApp(): Promise<WebApp> {
  if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) {
    throw new Error(`The web UI is not built (${WEB_DIR}/index.html missing): run \`npx vite build --config vite.config.ts\` first (npm test does it)`);
  }
  const database: TestDatabase = await createTestDatabase({ demo: DEFAULT_DEMO });
  const app = await buildApp({ db: database.db, now: () => TODAY, webDir: WEB_DIR });
  const jobs = createJobRunner(database, { log: pino({ level: 'silent' }), now: () => TODAY, pollMs: 200 });
  await jobs.start();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const login = async (role: DemoRole) => {
    const [username, password] = DEMO_ACCOUNTS[role];
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const c = res.cookies.find((k) => k.name === 'zy_session');
    return `zy_session=${c!.value}`;
  };
  const get = async <T>(cookie: string, url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as T;
  };
  const call = async (cookie: string, method: string, url: string, body?: unknown) => {
    const res = await app.inject({ method: method as 'GET', url, headers: { cookie }, ...(body ? { payload: body as object } : {}) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const publishOpenPlan = async (manager: string) => {
    const plan = await call(manager, 'POST', '/api/supply-plans', { weekStart: '2026-11-23' });
    await call(manager, 'POST', `/api/supply-plans/${plan.plan.id}/allocate`);
    await jobs.waitIdle();
    await call(manager, 'POST', `/api/supply-plans/${plan.plan.id}/publish`);
    for (let wd = 1; wd <= 7; wd++)
      await call(manager, 'PUT', `/api/supply-plans/${plan.plan.id}/windows/${wd}`, { opensAt: '2026-11-23T00:00:00Z', closesAt: '2026-11-25T09:00:00Z' });
    return plan.plan.id as number;
  };
  const dayRoute = async (cookie: string, query = '') => {
    const first = await get<DayRoute>(cookie, `/api/visit-plans/day${query}`);
    if (!first.planning) return first;
    await jobs.waitIdle();
    return get<DayRoute>(cookie, `/api/visit-plans/day${query}`);
  };
  return {
    app,
    database,
    dayRoute,
    baseUrl: `http://127.0.0.1:${port}`,
    jobs,
    login,
    get,
    call,
    publishOpenPlan,
    close: async () => {
      await jobs.stop(0);
      await app.close();
      await database.drop();
    },
  };
}
