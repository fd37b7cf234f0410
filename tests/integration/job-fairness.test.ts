// Province-size work as jobs (issue 19, decision 1914): a county with many
// queued jobs does not starve another county's one. The runner takes the due
// job of the org with the fewest running first, and never runs more than
// `perOrgConcurrency` of one org at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { z } from 'zod';
import { query } from '../../src/db/client.js';
import { defineJob } from '../../src/jobs/define-job.js';
import { enqueueJob } from '../../src/jobs/job-queue.js';
import { JobRunner } from '../../src/jobs/runner.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

let database: TestDatabase;
let orgA: number;
let orgB: number;
const started: string[] = [];
const release = new Map<string, () => void>();

const countyWork = defineJob({
  name: 'test-county-work',
  payload: z.object({ label: z.string() }),
  handler: async ({ label }) => {
    started.push(label);
    await new Promise<void>((resolve) => release.set(label, resolve));
    return { label };
  },
});

const orgOf = async (code: string) =>
  (
    await query<{ id: number }>(
      database.db,
      sql`insert into orgs (code, name, adcode, boundary, center_lat, center_lng) values (${code}, ${code}, '430281', '{"type":"Point","coordinates":[0,0]}'::jsonb, 0, 0) returning id`,
    )
  )[0].id;

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(check()).toBe(true);
};

beforeAll(async () => {
  database = await createTestDatabase();
  orgA = await orgOf('fair-a');
  orgB = await orgOf('fair-b');
});
afterAll(() => database?.drop());

describe('fair claims between counties', () => {
  it("a county's many jobs leave a slot for another county's one, and never run more than the per-org limit", async () => {
    // County A queues four jobs first, county B one after them.
    for (const label of ['a1', 'a2', 'a3', 'a4']) await enqueueJob(database.db, countyWork, { label }, { orgId: orgA });
    await enqueueJob(database.db, countyWork, { label: 'b1' }, { orgId: orgB });
    const runner = new JobRunner({ db: database.db, definitions: [countyWork], log: pino({ level: 'silent' }), concurrency: 3, perOrgConcurrency: 2, pollMs: 50 });
    await runner.start();
    try {
      // Three slots: A's first, then B's (no job of B running) before A's second, then A's second; A's third waits for the limit.
      await until(() => started.length === 3);
      expect(started).toEqual(['a1', 'b1', 'a2']);
      const [{ running }] = await query<{ running: number }>(database.db, sql`select count(*)::int running from jobs where org_id = ${orgA} and state = 'running'`);
      expect(running).toBe(2);
      // B finishes: the free slot still may not go to a third job of A.
      release.get('b1')!();
      await new Promise((r) => setTimeout(r, 500));
      expect(started).toEqual(['a1', 'b1', 'a2']);
      // One of A finishes: A's next job runs.
      release.get('a1')!();
      await until(() => started.length === 4);
      expect(started[3]).toBe('a3');
      release.get('a2')!();
      await until(() => started.length === 5);
      release.get('a3')!();
      release.get('a4')!();
      await runner.waitIdle();
      const states = await query<{ state: string }>(database.db, sql`select state from jobs where name = 'test-county-work'`);
      expect(states.every((s) => s.state === 'completed')).toBe(true);
    } finally {
      for (const r of release.values()) r();
      await runner.stop();
    }
  });
});
