// The rating batch's inputs: ONE set-based SQL statement turns 26 weeks of
// orders (with their facts) and the rated month's lines (for brands) into one
// row per retailer (the month's figures, the weekly quantities for stability,
// the best month for the "what it takes" bounds), joined with compliance
// class, store image, e-settlement and freezes.
import { sql, type SQL } from 'drizzle-orm';
import type { RetailerMonthInput, ComplianceClass } from '../../domain/rating/types.js';
import { query, type Db } from '../../db/client.js';
import { NEW_LICENCE_CAUSE } from '../../domain/rating/tier-cap.js';

export const WINDOW_WEEKS = 26;

export type MonthBounds = { month: string; start: string; end: string; windowStart: string };

/** First day of the tier window: the first of the month `months - 1` months before the rated one. */
export function tierWindowStart(month: string, months: number): string {
  let m = month;
  for (let k = 1; k < months; k++) m = previousMonth(m);
  return `${m}-01`;
}

/** 'YYYY-MM' → first day, first day of next month, and the start of the 26-week window that ends with the month. */
export function monthBounds(month: string): MonthBounds {
  const [y, m] = month.split('-').map(Number);
  const start = new Date(Date.UTC(y, m - 1, 1));
  const end = new Date(Date.UTC(y, m, 1));
  const windowStart = new Date(end.getTime() - WINDOW_WEEKS * 7 * 86_400_000);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { month, start: iso(start), end: iso(end), windowStart: iso(windowStart) };
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
}

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 2, 1));
  return d.toISOString().slice(0, 7);
}

type Row = {
  id: number;
  network: 'urban' | 'rural';
  format: RetailerMonthInput['format'];
  storeImage: RetailerMonthInput['storeImage'];
  eSettlement: boolean;
  cycles: number;
  q: number | null;
  v: number | null;
  lines: number | null;
  q1: number | null;
  v1: number | null;
  q2: number | null;
  ordered: number | null;
  /** Cartons ordered in each week of the window, comma-separated (node-postgres parses int arrays slowly: 45 s for 300,000 rows). */
  weeks: string | null;
  brands: number | null;
  newBrands: number | null;
  bestQ: number | null;
  bestShare: number | null;
  settled: number | null;
  tried: number | null;
  compliance: ComplianceClass | null;
  frozen: string | null;
  feedback: number | null;
  complianceMonth: string | null;
  complianceScore: number | null;
  penalties: number | null;
  cause: string | null;
  /** Licensed after last month's tier window began: its tier still settles, the monthly cap does not hold it. */
  newLicence: boolean;
  windowBrands: number | null;
  /** Over the tier window (when longer than the month). */
  tcycles: number | null;
  tq: number | null;
  tv: number | null;
  tq1: number | null;
  tv1: number | null;
  tq2: number | null;
  tordered: number | null;
};

export type LoadedInputs = { inputs: RetailerMonthInput[]; frozen: Map<string, string>; tierCauses: Map<string, string>; orderLines: number };

/**
 * Every active retailer of the org, with the month's inputs. Brands are distinct
 * specs ordered in the month; new-brand listings are new specs (products.is_new)
 * among them; e-settlement success is deducted ÷ (deducted + failed) orders;
 * feedback is the month's finished visits on which the shop reported market information.
 */
export async function loadRetailerMonthInputs(db: Db, orgId: number, month: string, tierWindowMonths = 1): Promise<LoadedInputs> {
  const rows = await inBatchSession(db, async (tx) => query<Row>(tx, retailerMonthInputsSql(orgId, month, await productBits(tx, orgId), tierWindowMonths)));
  return toInputs(rows, tierWindowMonths > 1);
}

/** A product's place in the month's brand bitmap: word `w`, bit `mask` (an int8, as text). */
export type ProductBit = { id: number; isNew: boolean; w: number; mask: string };

/** The org's products numbered by id, one bit each in 64-bit words. */
export async function productBits(db: Db, orgId: number): Promise<ProductBit[]> {
  const products = await query<{ id: number; isNew: boolean }>(
    db,
    sql`select id, is_new as "isNew" from products where org_id = ${orgId} order by id`,
  );
  return products.map((p, k) => ({ ...p, w: Math.floor(k / 64), mask: BigInt.asIntN(64, 1n << BigInt(k % 64)).toString() }));
}

/**
 * A batch aggregation gets more sort/hash memory than an interactive query
 * (the default 4 MB spills millions of groups to disk) and no JIT (compiling
 * costs more than it saves on one run); set for this transaction only.
 */
export async function inBatchSession<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '128MB'`);
    await tx.execute(sql`set local jit = off`);
    return work(tx as unknown as Db);
  });
}

export function retailerMonthInputsSql(orgId: number, month: string, products: ProductBit[], tierWindowMonths = 1): SQL {
  const b = monthBounds(month);
  // The tier window (decision 1420): whole calendar months ending with the rated one; the orders
  // are read from whichever starts first, it or the 26 weeks of the stability window.
  const tw = tierWindowStart(month, tierWindowMonths);
  const scanStart = tw < b.windowStart ? tw : b.windowStart;
  // The window is read from the orders alone, whose facts (totals, class-1 and
  // class-2+ sums, line counts) are kept equal to their lines on every write
  // (decision 0501): about a quarter of the lines' rows and far narrower. Orders
  // are grouped by retailer once: the rated month's sums, each calendar month's
  // cartons (the best month) and the 26 weekly quantities are filtered sums in
  // columns (one group per retailer; parallel-safe, unlike array_agg in
  // PostgreSQL 15). Only the distinct specs of the rated month need the
  // lines: its specs are OR-ed into 64-bit words,
  // one bit per product (by-value int8 aggregates, no count(distinct) sort);
  // brands are the bits set. The products are a VALUES list and nothing is a
  // materialised CTE, so PostgreSQL may use parallel workers.
  const words = Array.from({ length: Math.max(1, 1 + Math.max(-1, ...products.map((p) => p.w))) }, (_, w) => w);
  // Every inlined value below is a number or an ISO date computed here, never user text.
  const pv = products.length
    ? products.map((p) => `(${Number(p.id)}, ${Number(p.w)}, (${BigInt(p.mask)})::int8)`).join(', ')
    : '(0, 0, 0::int8)';
  const newMask = (w: number) => products.filter((p) => p.isNew && p.w === w).reduce((m, p) => m | BigInt(p.mask), 0n);
  // With a tier window the lines of the whole window are read: the month's specs (star) and the window's (tier) are two sets of words.
  const windowed = tierWindowMonths > 1;
  const wordAggs = sql.raw(
    words
      .map((w) =>
        windowed
          ? `bit_or(p.mask) filter (where p.w = ${w} and o.order_date >= '${b.start}'::date) as b${w}, bit_or(p.mask) filter (where p.w = ${w}) as t${w}`
          : `bit_or(p.mask) filter (where p.w = ${w}) as b${w}`,
      )
      .join(', '),
  );
  const windowBrands = sql.raw(
    windowed ? `(${words.map((w) => `coalesce(bit_count((br.t${w})::bit(64)), 0)`).join(' + ')})::int as "windowBrands",` : '',
  );
  const popcount = (masked: boolean) =>
    sql.raw(words.map((w) => `coalesce(bit_count((br.b${w}${masked ? ` & (${BigInt.asIntN(64, newMask(w))})::int8` : ''})::bit(64)), 0)`).join(' + '));
  const ok = `status = 'confirmed'`;
  // Every calendar month the window touches (its first may be partial), for the best month.
  const months: { from: string; to: string }[] = [];
  for (let m = scanStart.slice(0, 7); m <= month; m = nextMonth(m)) {
    const from = `${m}-01` < scanStart ? scanStart : `${m}-01`;
    months.push({ from, to: `${nextMonth(m)}-01` });
  }
  const d = (iso: string) => `'${iso}'::date`;
  const inRange = (from: string, to: string) => `${ok} and order_date >= ${d(from)} and order_date < ${d(to)}`;
  const monthSums = sql.raw(
    months.map((m, i) => `sum(total_qty) filter (where ${inRange(m.from, m.to)}) as mq${i}, sum(class1_qty) filter (where ${inRange(m.from, m.to)}) as mc${i}`).join(',\n          '),
  );
  const bestQ = sql.raw(`greatest(${months.map((_, i) => `o.mq${i}`).join(', ')})`);
  const bestShare = sql.raw(`greatest(${months.map((_, i) => `case when o.mq${i} > 0 then 100.0 * o.mc${i} / o.mq${i} end`).join(', ')})`);
  const weekStart = (k: number) => new Date(Date.parse(`${b.windowStart}T00:00:00Z`) + k * 7 * 86_400_000).toISOString().slice(0, 10);
  const weekSums = sql.raw(
    Array.from({ length: WINDOW_WEEKS }, (_, k) => `coalesce(sum(total_qty) filter (where ${inRange(weekStart(k), weekStart(k + 1))}), 0)::int as w${k}`).join(', '),
  );
  const weekCols = sql.raw(Array.from({ length: WINDOW_WEEKS }, (_, k) => `o.w${k}`).join(', '));
  const win = (agg: string, type: string, as: string) => `${agg} filter (where ${ok} and order_date >= ${d(tw)})::${type} as ${as}`;
  const windowSums = sql.raw(
    tierWindowMonths > 1
      ? [
          win('sum(total_qty)', 'int', 'tq'),
          win('sum(total_amount)', 'float8', 'tv'),
          win('sum(class1_qty)', 'int', 'tq1'),
          win('sum(class1_amount)', 'float8', 'tv1'),
          win('sum(class12_qty)', 'int', 'tq2'),
          `count(*) filter (where ${ok} and total_qty > 0 and order_date >= ${d(tw)})::int as tordered,`,
        ].join(', ')
      : '',
  );
  // Complete cycles of the window from the day the shop opened (a new licensee is not ranked down for the weeks before it existed).
  const windowCycles = sql.raw(
    tierWindowMonths > 1
      ? `(select case when y.off < y.days then 1 + (y.days - 1 - y.off) / 7 else 0 end from (select (${d(b.end)} - y0.f) as days,
          ((re.order_weekday - extract(isodow from y0.f)::int + 7) % 7) as off from (select greatest(${d(tw)}, coalesce(re.opened_on, ${d(tw)})) as f) y0) y)::int as tcycles,
        o.tq, o.tv, o.tq1, o.tv1, o.tq2, o.tordered,`
      : '',
  );
  // An aggregate over the rated month's confirmed orders.
  const cur = (agg: string, type: string, as: string) => sql.raw(`${agg} filter (where ${ok} and order_date >= ${d(b.start)})::${type} as ${as}`);
  const inMonth = sql`o.org_id = ${orgId} and o.order_date >= ${windowed ? tw : b.start}::date and o.order_date < ${b.end}::date`;
  // The month's first and last order id. (Grouped, so that PostgreSQL does not answer min(id)
  // by walking the primary key from the oldest order until one falls in the month.)
  const idBound = (agg: 'min' | 'max') => sql`(select ${sql.raw(agg)}(o.id) from orders o where ${inMonth} group by o.org_id)`;
  return sql`with o as (
        select retailer_id as rid,
          ${cur('sum(total_qty)', 'int', 'q')}, ${cur('sum(total_amount)', 'float8', 'v')}, ${cur('sum(class1_qty)', 'int', 'q1')},
          ${cur('sum(class1_amount)', 'float8', 'v1')}, ${cur('sum(class12_qty)', 'int', 'q2')},
          ${sql.raw(`count(*) filter (where ${ok} and total_qty > 0 and order_date >= ${d(b.start)})::int as ordered`)},
          count(*) filter (where settlement_status = 'deducted' and order_date >= ${b.start}::date)::int as settled,
          count(*) filter (where settlement_status in ('deducted', 'failed') and order_date >= ${b.start}::date)::int as tried,
          sum(line_count) filter (where ${sql.raw(ok)})::int as lines,
          ${windowSums}
          ${monthSums},
          ${weekSums}
        from orders where org_id = ${orgId} and order_date >= ${scanStart}::date and order_date < ${b.end}::date
        group by 1
      ),
      -- The month's lines with something ordered. Order ids follow the order date, so the month's
      -- lines lie between its first and last order id: the range (always true of them) lets the
      -- lines be read by the order_id index instead of scanning the whole window's.
      br as (
        select o.retailer_id as rid, ${wordAggs}
        from orders o join order_lines l on l.org_id = o.org_id and l.order_id = o.id
        join (values ${sql.raw(pv)}) as p(id, w, mask) on p.id = l.product_id
        where ${inMonth} and o.status = 'confirmed' and l.ordered_qty > 0
          and l.order_id between ${idBound('min')} and ${idBound('max')}
        group by 1
      ),
      cr as (
        select distinct on (retailer_id) retailer_id as rid, compliance_class, month, score, penalties
        from compliance_records where org_id = ${orgId} and month <= ${month} order by retailer_id, month desc
      ),
      fz as (select retailer_id as rid, reason from rating_freezes where org_id = ${orgId} and month = ${month}),
      tc as (select retailer_id as rid, reason from rating_tier_causes where org_id = ${orgId} and month = ${month}),
      -- Market information the shop reported to its grid worker on the month's visits (issue 7's visit form).
      vf as (
        select retailer_id as rid, count(*) filter (where coalesce(form->>'consumerFeedback', '') <> '')::int as n
        from visits where org_id = ${orgId} and status = 'done' and visit_date >= ${b.start}::date and visit_date < ${b.end}::date
        group by 1
      )
      select re.id, re.network, re.business_format as format, re.store_image as "storeImage", re.e_settlement as "eSettlement",
        (case when x.off < x.days then 1 + (x.days - 1 - x.off) / 7 else 0 end)::int as cycles,
        o.q, o.v, o.lines, o.q1, o.v1, o.q2, o.ordered, concat_ws(',', ${weekCols}) as weeks,
        (${popcount(false)})::int as brands, (${popcount(true)})::int as "newBrands", ${windowBrands}
        ${windowCycles}
        ${bestQ}::int as "bestQ", coalesce(${bestShare}, 0)::float8 as "bestShare", o.settled, o.tried, cr.compliance_class as compliance, fz.reason as frozen, vf.n as feedback,
        cr.month as "complianceMonth", cr.score as "complianceScore", cr.penalties, tc.reason as cause,
        coalesce(re.opened_on > ${tierWindowStart(previousMonth(month), tierWindowMonths)}::date, false) as "newLicence"
      from retailers re
      cross join lateral (select (${b.end}::date - ${b.start}::date) as days,
        ((re.order_weekday - extract(isodow from ${b.start}::date)::int + 7) % 7) as off) x
      left join o on o.rid = re.id left join br on br.rid = re.id
      left join cr on cr.rid = re.id left join fz on fz.rid = re.id left join vf on vf.rid = re.id left join tc on tc.rid = re.id
      where re.org_id = ${orgId} and re.status = 'active'
        -- Not rated for a month before the shop opened.
        and (re.opened_on is null or re.opened_on < ${b.end}::date)
      order by re.id`;
}

function toInputs(rows: Row[], withWindow: boolean): LoadedInputs {
  const frozen = new Map<string, string>();
  const tierCauses = new Map<string, string>();
  let orderLines = 0;
  const inputs = rows.map((row): RetailerMonthInput => {
    const id = String(row.id);
    if (row.frozen) frozen.set(id, row.frozen);
    if (row.cause) tierCauses.set(id, row.cause);
    else if (row.newLicence) tierCauses.set(id, NEW_LICENCE_CAUSE);
    orderLines += row.lines ?? 0;
    const weekly = row.weeks ? row.weeks.split(',').map(Number) : new Array<number>(WINDOW_WEEKS).fill(0);
    const cartons = row.q ?? 0;
    return {
      retailerId: id,
      network: row.network,
      format: row.format,
      orders: {
        cartons,
        valueYuan: round2(row.v ?? 0),
        class1Cartons: row.q1 ?? 0,
        class1ValueYuan: round2(row.v1 ?? 0),
        class2PlusCartons: row.q2 ?? 0,
        brands: row.brands ?? 0,
        cycles: row.cycles,
        cyclesOrdered: Math.min(row.ordered ?? 0, row.cycles),
      },
      ...(withWindow
        ? {
            tierOrders: {
              cartons: row.tq ?? 0,
              valueYuan: round2(row.tv ?? 0),
              class1Cartons: row.tq1 ?? 0,
              class1ValueYuan: round2(row.tv1 ?? 0),
              class2PlusCartons: row.tq2 ?? 0,
              brands: row.windowBrands ?? 0,
              cycles: row.tcycles ?? 0,
              cyclesOrdered: Math.min(row.tordered ?? 0, row.tcycles ?? 0),
            },
          }
        : {}),
      weeklyCartons: weekly,
      complianceClass: row.compliance ?? 'A',
      compliance: row.complianceMonth ? { month: row.complianceMonth, score: row.complianceScore ?? 0, penalties: row.penalties ?? 0 } : null,
      storeImage: row.storeImage,
      eSettlementSuccessPct: !row.eSettlement ? null : row.tried ? round2((100 * (row.settled ?? 0)) / row.tried) : 100,
      newBrandListings: row.newBrands ?? 0,
      feedbackCount: row.feedback ?? 0,
      history: { bestMonthCartons: row.bestQ ?? 0, bestClass1SharePct: round2(row.bestShare ?? 0) },
    };
  });
  return { inputs, frozen, tierCauses, orderLines };
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The bare aggregation the batch is measured against: order lines summed by retailer and month over the same window. */
export async function bareMonthlyAggregate(db: Db, orgId: number, month: string): Promise<number> {
  const b = monthBounds(month);
  const rows = await inBatchSession(db, (tx) => query<{ n: number }>(
    tx,
    sql`select count(*)::int as n from (
      select o.retailer_id, date_trunc('month', o.order_date), sum(l.ordered_qty), sum(l.amount)
      from orders o join order_lines l on l.org_id = o.org_id and l.order_id = o.id
      where o.org_id = ${orgId} and o.status = 'confirmed' and o.order_date >= ${b.windowStart}::date and o.order_date < ${b.end}::date
      group by 1, 2) x`,
  ));
  return rows[0].n;
}
