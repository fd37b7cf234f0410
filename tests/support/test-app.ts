// The HTTP app on a fresh copy of a small seeded demo county, with helpers to
// log in as each demo account and call the API.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { createTestDatabase, type TestDatabase } from './test-db.js';
import { DEFAULT_DEMO, TODAY } from './db-template.js';
import pino from 'pino';
import { createJobRunner } from '../../src/jobs/registry.js';
import type { JobRunner } from '../../src/jobs/runner.js';

export { TODAY };

export const DEMO_ACCOUNTS = {
  admin: ['admin', 'admin123'],
  county_manager: ['manager', 'manager123'],
  station_head: ['station1', 'station123'],
  grid_worker: ['worker1', 'worker123'],
  call_agent: ['agent', 'agent123'],
  retailer: ['retailer', 'retailer123'],
} as const;
export type DemoRole = keyof typeof DEMO_ACCOUNTS;

export type TestApp = {
  app: FastifyInstance;
  database: TestDatabase;
  /** The job runner of this app; `await t.jobs.waitIdle()` waits for the work a request queued. */
  jobs: JobRunner;
  login: (role: DemoRole | [string, string]) => Promise<string>;
  api: (cookie: string | null, method: string, url: string, body?: unknown) => Promise<LightMyRequestResponse>;
  /** `api` with options: `org` is the county a regional user has drilled into (the `x-zy-org` header the web sends). */
  call: (cookie: string, method: string, url: string, opts?: { org?: number; body?: unknown }) => Promise<LightMyRequestResponse>;
  /** For a request that queued its work (202 with a job): the job as its owner reads it once the runner has finished it. */
  queued: (cookie: string, res: LightMyRequestResponse) => Promise<{ id: number; state: string; error: string | null; attempts: number; progress: number; result: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close: () => Promise<void>;
};

export async function startTestApp(opts: { retailers?: number; weeks?: number } = {}): Promise<TestApp> {
  const database = await createTestDatabase({
    demo: { retailers: opts.retailers ?? DEFAULT_DEMO.retailers, weeks: opts.weeks ?? DEFAULT_DEMO.weeks },
  });
  const app = await buildApp({ db: database.db, now: () => TODAY });
  const jobs = createJobRunner(database, { log: pino({ level: 'silent' }), now: () => TODAY, pollMs: 200 });
  await jobs.start();
  const login = async (role: DemoRole | [string, string]) => {
    const [username, password] = Array.isArray(role) ? role : DEMO_ACCOUNTS[role as DemoRole];
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const c = res.cookies.find((k) => k.name === 'zy_session');
    return `zy_session=${c!.value}`;
  };
  const api = (cookie: string | null, method: string, url: string, body?: unknown) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: cookie ? { cookie } : {},
      ...(body !== undefined ? { payload: body as object } : {}),
    });
  const call = (cookie: string, method: string, url: string, opts: { org?: number; body?: unknown } = {}) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: { cookie, ...(opts.org ? { 'x-zy-org': String(opts.org) } : {}) },
      ...(opts.body !== undefined ? { payload: opts.body as object } : {}),
    });
  const queued = async (cookie: string, res: LightMyRequestResponse) => {
    if (res.statusCode !== 202) throw new Error(`expected 202 with a queued job, got ${res.statusCode} ${res.body}`);
    await jobs.waitIdle();
    return (await api(cookie, 'GET', `/api/jobs/${res.json().job.id}`)).json();
  };
  return {
    app,
    database,
    jobs,
    login,
    api,
    call,
    queued,
    close: async () => {
      await jobs.stop(0);
      await app.close();
      await database.drop();
    },
  };
}
