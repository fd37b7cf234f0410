// Malformed values for every operation of the OpenAPI document, as an
// authorised user (the admin): no answer is a 5xx, every refusal has a stable
// code with zh/en text, and nothing changes (issue 13, item 5).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { fuzzCases, type OpenApiDoc } from '../support/openapi-fuzz.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin');
});
afterAll(() => t?.close());

// Writes leave an audit row; reads of personal data (view_pii), exports and phone searches do too but change nothing.
const fingerprint = async () =>
  (
    await query<{ audit: number; versions: number; grids: number; plans: number; orders: number }>(
      t.database.db,
      sql`select (select count(*)::int from audit_log where action not in ('view_pii', 'export', 'search')) as audit,
        (select coalesce(sum(version), 0)::int from retailers) as versions,
        (select count(*)::int from grids) as grids,
        (select count(*)::int from supply_plans) as plans,
        (select count(*)::int from orders) as orders`,
    )
  )[0];

describe('fuzzing every operation from /docs/json', () => {
  it('answers malformed input with a 4xx and a stable code, and changes nothing', async () => {
    const doc = (await t.api(admin, 'GET', '/docs/json')).json() as OpenApiDoc;
    // Logging out would end the session the rest of the run uses.
    const cases = fuzzCases(doc, (method, path) => path === '/api/auth/logout');
    expect(cases.length).toBeGreaterThan(1000);
    const before = await fingerprint();
    let last = JSON.stringify(before);
    const failures: string[] = [];
    // The fingerprint is taken once per operation, not per case (it cost as much as the requests): no case is meant to
    // change anything, so a change names the operation, and the cases that answered 2xx are the suspects.
    let operation = '';
    let answered2xx: string[] = [];
    const closeOperation = async () => {
      const now = JSON.stringify(await fingerprint());
      if (now !== last) failures.push(`changed data: ${operation} (2xx answers: ${answered2xx.join('; ') || 'none'})`);
      last = now;
    };
    for (const c of cases) {
      const op = `${c.method} ${c.label.split(' ')[1]}`;
      if (op !== operation) {
        if (operation && !operation.startsWith('GET ')) await closeOperation();
        operation = op;
        answered2xx = [];
      }
      const res = await t.app.inject({
        method: c.method as 'GET',
        url: c.url,
        headers: { cookie: admin, ...(c.body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(c.body !== undefined ? { payload: JSON.stringify(c.body) } : {}),
      });
      if (res.statusCode >= 500) failures.push(`${res.statusCode} ${c.label}`);
      else if (res.statusCode >= 400) {
        const body = res.json() as { code?: string; message?: string };
        if (!body.code || !/[\u4e00-\u9fff]/.test(body.message ?? '')) failures.push(`${res.statusCode} without a zh message: ${c.label} ${res.body.slice(0, 120)}`);
      } else answered2xx.push(`${res.statusCode} ${c.label}`);
    }
    if (operation && !operation.startsWith('GET ')) await closeOperation();
    expect(failures, failures.join("\n")).toEqual([]);
    expect(await fingerprint()).toEqual(before);
  }, 600_000); // ~4,300 requests and a fingerprint after each written operation
});
