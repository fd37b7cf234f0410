// After a tokenizer change, start-up finds the stored search tokens stale and
// rebuilds them, so search finds every retailer again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { refreshSearchTokens } from '../../src/app/retailers/search-token-refresh.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let manager: string;
beforeAll(async () => {
  t = await startTestApp();
  manager = await t.login('county_manager');
});
afterAll(() => t?.close());

const search = async (q: string) =>
  (await t.api(manager, 'GET', `/api/retailers?pageSize=200&q=${encodeURIComponent(q)}`)).json() as { total: number; items: { id: number }[] };

describe('search token refresh', () => {
  it('leaves current tokens alone', async () => {
    expect(await refreshSearchTokens(t.database.db)).toBe(0);
  });

  it('rebuilds stale tokens so that search finds the retailers again', async () => {
    const [target] = await query<{ id: number; customerCode: string }>(
      t.database.db,
      sql`select id, customer_code as "customerCode" from retailers order by id limit 1`,
    );
    // Tokens as an older tokenizer would have left them: without the Chinese/number boundary bigrams.
    await t.database.db.execute(sql`update retailers set search_tokens = array(select x from unnest(search_tokens) x where x !~ '^[^0-9a-z][0-9a-z]$')`);
    await t.database.db.execute(sql`update retailers set search_tokens = '{}' where id = ${target.id}`);
    expect((await search(target.customerCode)).items.map((r) => r.id)).not.toContain(target.id);

    const [{ n }] = await query<{ n: number }>(t.database.db, sql`select count(*)::int n from retailers`);
    const progress: number[] = [];
    expect(await refreshSearchTokens(t.database.db, { batch: 100, onProgress: (done) => progress.push(done) })).toBe(n);
    expect(progress.at(-1)).toBe(n);
    expect((await search(target.customerCode)).items.map((r) => r.id)).toContain(target.id);
    expect(await refreshSearchTokens(t.database.db)).toBe(0);
  });
});
