// The nightly measures after decision 1744 (one pass over the window's orders,
// weeks counted by a bit mask, the margin summed in the same pass) give the same
// numbers as the statement before it, kept verbatim in tests/support/measures-reference.ts:
// on the demo county, for several nights, every stored column of every shop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { computeMeasures } from '../../src/app/measures/compute-measures.js';
import { computeMeasuresReference } from '../support/measures-reference.js';
import { DEFAULT_DEMO } from '../support/db-template.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

let t: TestDatabase;
let orgId: number;
const db = () => t.db;

// Every stored column but the time of computing.
const COLUMNS = `org_id, as_of, retailer_id, definition_version, satisfaction, sat_answers, sat_round_id, loyalty, loy_continuity, loy_stability,
  loy_tenure, loy_clean, order_weeks, eligible_weeks, qty_cv, tenure_months, bad_orders, all_orders, contribution, con_percentile,
  con_share_index, con_margin_percentile, sales_amount, county_share, margin_amount, dependence, dep_reported_on, dep_source`;

beforeAll(async () => {
  t = await createTestDatabase({ demo: DEFAULT_DEMO });
  [{ orgId }] = await query<{ orgId: number }>(db(), sql`select id as "orgId" from orgs order by id limit 1`);
  await db().execute(sql`create table retailer_measures_reference (like retailer_measures including all)`);
  // Edge cases for the week mask: one shop orders twice in one week (Monday and Sunday), once on the window's first day
  // (a week that starts before the window) and once on its last; another has only a cancelled order.
  const shops = await query<{ id: number }>(db(), sql`select id from retailers where org_id = ${orgId} and status = 'active' order by id limit 2`);
  await db().execute(sql`insert into orders (org_id, retailer_id, order_date, channel, status, total_qty, total_amount, settlement_method, settlement_status)
    values (${orgId}, ${shops[0].id}, '2026-11-16', 'phone', 'confirmed', 7, 700, 'cash', 'pending'),
           (${orgId}, ${shops[0].id}, '2026-11-22', 'phone', 'confirmed', 9, 900, 'cash', 'pending'),
           (${orgId}, ${shops[0].id}, '2026-11-23', 'phone', 'confirmed', 3, 300, 'cash', 'failed'),
           (${orgId}, ${shops[0].id}, '2026-05-26', 'phone', 'confirmed', 4, 400, 'cash', 'deducted'),
           (${orgId}, ${shops[1].id}, '2026-11-10', 'phone', 'cancelled', 5, 500, 'cash', 'failed')`);
}, 300_000);
afterAll(() => t?.drop());

const differences = async (asOf: string) =>
  query<{ side: string; retailer_id: number }>(
    db(),
    sql.raw(`(select 'now' as side, ${COLUMNS} from retailer_measures where as_of = '${asOf}'
              except select 'now', ${COLUMNS} from retailer_measures_reference where as_of = '${asOf}')
             union all
             (select 'before', ${COLUMNS} from retailer_measures_reference where as_of = '${asOf}'
              except select 'before', ${COLUMNS} from retailer_measures where as_of = '${asOf}')
             limit 5`),
  );

describe('the measures statement of decision 1744 against the one before it', () => {
  // Today, the night that closed October, a night deep in the history, and one before any order (no priced lines at all).
  for (const asOf of ['2026-11-24', '2026-11-01', '2026-09-16', '2026-05-01']) {
    it(`stores the same figures for every shop as of ${asOf}`, async () => {
      const now = await computeMeasures(db(), orgId, asOf);
      const before = await computeMeasuresReference(db(), orgId, asOf);
      expect(now).toEqual(before);
      expect(now.shops).toBeGreaterThan(200);
      expect(await differences(asOf)).toEqual([]);
    });
  }

  it('covers every part on the demo day: weeks, margins, dependence and satisfaction are there to compare', async () => {
    const [c] = await query<{ weeks: number; margin: number; dep: number; sat: number; cv: number; bad: number }>(
      db(),
      sql`select count(*) filter (where order_weeks > 0)::int as weeks, count(con_margin_percentile)::int as margin, count(dependence)::int as dep,
            count(satisfaction)::int as sat, count(qty_cv)::int as cv, count(*) filter (where bad_orders > 0)::int as bad
          from retailer_measures_reference where as_of = '2026-11-24'`,
    );
    for (const [k, v] of Object.entries(c)) expect(v, k).toBeGreaterThan(0);
    const [none] = await query<{ margin: number }>(db(), sql`select count(con_margin_percentile)::int as margin from retailer_measures where as_of = '2026-05-01'`);
    expect(none.margin).toBe(0);
  });
});
