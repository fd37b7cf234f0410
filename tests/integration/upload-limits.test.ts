// Zip bombs on the three .xlsx imports (issue 13, item 4): a file of a few
// hundred kB that would inflate past the limits is refused with a stable code
// in well under a second, before any spreadsheet library inflates it, and
// nothing is imported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { multipart } from '../support/retailer-factory.js';
import { zipBomb } from '../support/zip-bomb.js';

let t: TestApp;
let manager: string;
let planId: number;
const bombs = { declared: zipBomb(120), lying: zipBomb(120, { lie: true }) };

beforeAll(async () => {
  t = await startTestApp();
  manager = await t.login('county_manager');
  planId = (await t.api(manager, 'POST', '/api/supply-plans', { weekStart: '2026-11-30' })).json().plan.id;
});
afterAll(() => t?.close());

const fingerprint = async () =>
  (
    await query<{ retailers: number; items: number; compliance: number }>(
      t.database.db,
      sql`select (select count(*)::int from retailers) as retailers, (select count(*)::int from supply_plan_items) as items,
        (select count(*)::int from compliance_records) as compliance`,
    )
  )[0];

describe('zip bombs', () => {
  for (const [kind, bomb] of Object.entries(bombs)) {
    it(`a ${Math.round(bomb.length / 1024)} kB file inflating to 120 MB (${kind} size) is refused on every import in under a second`, async () => {
      expect(bomb.length).toBeLessThan(400 * 1024);
      const before = await fingerprint();
      for (const url of ['/api/retailers/import', `/api/supply-plans/${planId}/import`, '/api/ratings/compliance/import']) {
        const body = multipart('bomb.xlsx', bomb);
        const t0 = performance.now();
        const res = await t.app.inject({ method: 'POST', url, headers: { cookie: manager, ...body.headers }, payload: body.payload });
        const ms = performance.now() - t0;
        expect(res.statusCode, `${url} ${res.body.slice(0, 200)}`).toBe(422);
        expect(res.json().code).toBe('import_too_large');
        expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
        expect(ms, url).toBeLessThan(1000);
      }
      expect(await fingerprint()).toEqual(before);
    });
  }
});
