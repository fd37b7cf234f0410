// The weekly demand roll-up (decision 1818): a final order week's stated demand per shop, per product and per
// shop × product, rolled up once from its order lines into `demand_weeks`, so the weekly forecast job reads one new
// week of order lines and the roll-up instead of two years of lines. The reads below return exactly what the scans
// of forecast-reads.ts / forecast-shares.ts return: rolled-up weeks from the roll-up, any other week from its lines.
import { sql } from 'drizzle-orm';
import { query, type Db } from './client.js';
import type { WeeklyDemandRow } from './forecast-reads.js';
import type { ProductShareRow } from './forecast-shares.js';
import { weekIndex, weekMonday } from '../domain/forecast/weeks.js';

const dates = (xs: readonly string[]) => `{${xs.join(',')}}`;

/** Mondays from `from` to `to` (YYYY-MM-DD, both Mondays, inclusive). */
function mondays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let w = weekIndex(from); w <= weekIndex(to); w++) out.push(weekMonday(w));
  return out;
}

/**
 * `from … where …` over the order lines of the given weeks (Mondays), as `o`, `l`, `p` with the week as `t.w`: what
 * the live part of each read scans. The order dates are bounded by constants so the planner sees how few orders one
 * week is (joined to a list of weeks it guessed a third of the county and hashed all its lines: 6.5 s instead of 0.1).
 */
const linesOf = (orgId: number, weeks: readonly string[]) => {
  const after = weekMonday(weekIndex(weeks.at(-1)!) + 1);
  return sql`from orders o join order_lines l on l.org_id = o.org_id and l.order_id = o.id join products p on p.org_id = l.org_id and p.id = l.product_id
    cross join lateral (select date_trunc('week', o.order_date)::date as w) t
    where o.org_id = ${orgId} and o.order_date >= ${weeks[0]}::date and o.order_date < ${after}::date and t.w = any(${dates(weeks)}::date[])`;
};

/** The weeks between two Mondays whose roll-up is not written (no county row). */
export async function findWeeksNotRolledUp(db: Db, orgId: number, from: string, to: string): Promise<string[]> {
  const rows = await query<{ w: string }>(
    db,
    sql`select to_char(t.w, 'YYYY-MM-DD') as w from unnest(${dates(mondays(from, to))}::date[]) as t(w)
      where not exists (select 1 from demand_weeks d where d.org_id = ${orgId} and d.week_start = t.w and d.retailer_id = 0 and d.product_id = 0)
      order by 1`,
  );
  return rows.map((r) => r.w);
}

/**
 * Rolls up every final week between two Mondays that is not rolled up yet, in one statement. A week is final when
 * its Sunday has passed (`to` is at most the last closed week) and no order window dated in it closes after `now`
 * (an order can be placed or amended only while its window is open); after that its lines change only by an
 * approved correction, which forgets the week (`forgetDemandWeek`). Idempotent: keyed rows, `on conflict do
 * nothing`, so a re-run or two runs at once never count a week twice. Returns the weeks rolled up.
 */
export async function rollUpDemandWeeks(db: Db, orgId: number, from: string, to: string, now: Date): Promise<string[]> {
  const open = await findWeeksNotRolledUp(db, orgId, from, to);
  if (!open.length) return [];
  const final = (
    await query<{ w: string }>(
      db,
      sql`select to_char(t.w, 'YYYY-MM-DD') as w from unnest(${dates(open)}::date[]) as t(w)
        where not exists (select 1 from order_windows ow where ow.org_id = ${orgId} and ow.order_date >= t.w and ow.order_date < t.w + 7
          and ow.closes_at > ${now.toISOString()}::timestamptz)
        order by 1`,
    )
  ).map((r) => r.w);
  if (!final.length) return [];
  await db.transaction(async (tx) => {
    // After the lock the statement's snapshot sees every correction that forgot one of these weeks before it.
    await lockDemandWeeks(tx, [orgId]);
    await tx.execute(sql`with sp as (
        select t.w, o.retailer_id as r, l.product_id as pid, sum(l.demand_qty) as d, count(*)::int as n,
          (count(*) filter (where l.available_qty < l.demand_qty))::int as nb,
          bool_and(p.scarce and l.demand_qty = l.available_qty) as ca, bool_or(p.scarce) as so
        ${linesOf(orgId, final)}
        group by t.w, o.retailer_id, l.product_id)
      insert into demand_weeks (org_id, week_start, retailer_id, product_id, demand, lines, bound_lines, censored, product_ids, product_demand)
      select ${orgId}::int, w, r, 0, sum(d), sum(n), sum(nb), bool_and(ca) and bool_or(so), array_agg(pid order by pid), array_agg(d::int order by pid) from sp group by w, r
      union all
      select ${orgId}::int, w, 0, pid, sum(d), sum(n), sum(nb), bool_and(ca) and bool_or(so), null, null from sp group by w, pid
      union all
      select ${orgId}::int, t.w, 0, 0, coalesce(sum(sp.d), 0), coalesce(sum(sp.n), 0), coalesce(sum(sp.nb), 0), coalesce(bool_and(sp.ca) and bool_or(sp.so), false), null, null
        from unnest(${dates(final)}::date[]) as t(w) left join sp on sp.w = t.w group by t.w
      on conflict do nothing`);
  });
  return final;
}

/**
 * Serialises rolling up and forgetting an org's weeks (transaction-scoped advisory lock, orgs in id order): a
 * correction committed while a week is being rolled up would otherwise be deleted before the stale rows land.
 */
async function lockDemandWeeks(tx: Pick<Db, 'execute'>, orgIds: number[]): Promise<void> {
  for (const org of [...orgIds].sort((a, b) => a - b)) await tx.execute(sql`select pg_advisory_xact_lock(1818, ${org}::int)`);
}

/**
 * Drops the roll-up's weeks before `from`, the first week the forecast reads: the roll-up is a cache of the order
 * lines, and without this it grew by a week of every shop and product each week for good (a province's 100
 * counties ~260,000 rows a week). A week dropped and asked for again is read from its lines and rolled up anew.
 * Returns how many rows went.
 */
export async function dropDemandWeeksBefore(db: Db, orgId: number, from: string): Promise<number> {
  const rows = await query<{ n: number }>(
    db,
    sql`with gone as (delete from demand_weeks where org_id = ${orgId} and week_start < ${from}::date returning 1) select count(*)::int as n from gone`,
  );
  return rows[0]?.n ?? 0;
}

/** An order's lines changed after its week closed (an approved correction): its week is rolled up again on the next run. Inside the change's transaction. */
export async function forgetDemandWeek(db: Pick<Db, 'execute'>, orgId: number, orderId: number): Promise<void> {
  await lockDemandWeeks(db, [orgId]);
  await db.execute(sql`delete from demand_weeks d using orders o
    where o.org_id = ${orgId} and o.id = ${orderId} and d.org_id = o.org_id and d.week_start = date_trunc('week', o.order_date)::date`);
}

/** A shop moved to another county with its orders (decision 1902): the weeks it ordered in are rolled up again in both. Inside the move's transaction. */
export async function forgetDemandWeeksOfShop(db: Pick<Db, 'execute'>, orgIds: number[], ordersOrgId: number, retailerId: number): Promise<void> {
  await lockDemandWeeks(db, orgIds);
  await db.execute(sql`delete from demand_weeks d
    where d.org_id = any(${`{${orgIds.join(',')}}`}::int[])
      and d.week_start in (select date_trunc('week', o.order_date)::date from orders o where o.org_id = ${ordersOrgId} and o.retailer_id = ${retailerId})`);
}

/**
 * Weekly demand per shop and per product between two Mondays: what findWeeklyDemandByShopAndProduct returns, read
 * from the roll-up for weeks rolled up and from the order lines for the others (normally none: the job rolls up first).
 */
export async function findWeeklyDemandRolledUp(db: Db, orgId: number, from: string, to: string): Promise<{ shop: WeeklyDemandRow[]; product: WeeklyDemandRow[] }> {
  const live = await findWeeksNotRolledUp(db, orgId, from, to);
  const rows = await query<WeeklyDemandRow & { level: number }>(
    db,
    sql`select (product_id <> 0)::int as level, (retailer_id + product_id)::text as key, to_char(week_start, 'YYYY-MM-DD') as monday,
        demand::float8 as demand, bound_lines::float8 / lines as bound, censored::int as censored
      from demand_weeks where org_id = ${orgId} and week_start >= ${from}::date and week_start <= ${to}::date and (retailer_id = 0) <> (product_id = 0)
      ${
        live.length
          ? sql`union all
      select grouping(o.retailer_id), coalesce(o.retailer_id, l.product_id)::text, to_char(t.w, 'YYYY-MM-DD'),
        sum(l.demand_qty)::float8, (count(*) filter (where l.available_qty < l.demand_qty))::float8 / count(*),
        (bool_and(p.scarce and l.demand_qty = l.available_qty) and bool_or(p.scarce))::int
      ${linesOf(orgId, live)}
      group by grouping sets ((o.retailer_id, t.w), (l.product_id, t.w))`
          : sql``
      }`,
  );
  const shop: WeeklyDemandRow[] = [];
  const product: WeeklyDemandRow[] = [];
  for (const { level, ...r } of rows) (level === 0 ? shop : product).push(r);
  return { shop, product };
}

/** Each shop's products and their share of its demand over the 13 weeks ending with `lastMonday`'s: findProductShares from the roll-up. */
export async function findProductSharesRolledUp(db: Db, orgId: number, lastMonday: string): Promise<ProductShareRow[]> {
  const first = weekMonday(weekIndex(lastMonday) - 12);
  const live = await findWeeksNotRolledUp(db, orgId, first, lastMonday);
  return query<ProductShareRow>(
    db,
    sql`with x(r, p, d) as (
        select dw.retailer_id, u.p, u.d from demand_weeks dw cross join lateral unnest(dw.product_ids, dw.product_demand) as u(p, d)
        where dw.org_id = ${orgId} and dw.week_start >= ${first}::date and dw.week_start <= ${lastMonday}::date and dw.product_id = 0 and dw.retailer_id <> 0
        ${live.length ? sql`union all select o.retailer_id, l.product_id, l.demand_qty ${linesOf(orgId, live)}` : sql``})
      select r as "retailerId", p as "productId", (sum(d)::float8 / nullif(sum(sum(d)) over (partition by r), 0))::float8 as share
      from x group by r, p having sum(d) > 0`,
  );
}
