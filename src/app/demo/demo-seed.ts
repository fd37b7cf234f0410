// Writes the generated demo county into an empty migrated database in one
// transaction. The small tables come from src/domain/demo as multi-row
// inserts; the two years of orders are produced inside the database by
// set-based SQL over small parameter tables, which is what makes 2 million
// order lines fit in well under a minute on embedded PGlite. The SQL is plain
// PostgreSQL 15 and runs the same on PGlite and on a server.
import { readFileSync } from 'node:fs';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { grids, orgs, retailers, stations, users, villages } from '../../db/schema.js';
import { listCatalogProducts } from '../../db/product-catalog.js';
import { hashPassword } from '../auth/password.js';
import { seedDemoRatings } from './demo-seed-rating.js';
import { seedDemoSettlement } from './demo-seed-settlement.js';
import { seedDemoStockouts } from './demo-seed-stockouts.js';
import { seedDemoDesk } from './demo-seed-desk.js';
import { seedDemoOnboarding } from './demo-seed-onboarding.js';
import { orderFactSums, refreshOrderMargins } from '../../db/order-facts.js';
import { seedDemoSupplyPlan } from './demo-seed-supply-plan.js';
import { seedDemoHome } from './demo-seed-home.js';
import { seedDemoNotices } from './demo-seed-notices.js';
import { seedDemoCare } from './demo-seed-care.js';
import { seedDemoVisitHistory } from './demo-seed-visit-history.js';
import { seedDemoSurveys } from './demo-seed-surveys.js';
import { seedDemoMeasures } from './demo-seed-measures.js';
import { seedDemoOrgTree } from './demo-seed-org-tree.js';
import { seedDemoSecondCounty } from './demo-seed-second-county.js';
import { seedDemoCultivation } from './demo-seed-cultivation.js';
import { seedDemoForecasts } from './demo-seed-forecast.js';
import { COUNTY } from '../../domain/demo/places.js';
import { generateCounty, type Boundary, type DemoCounty } from '../../domain/demo/index.js';

export type SeedOptions = {
  seed?: number;
  today: Date;
  retailers?: number;
  weeks?: number;
  /** Create, allocate and publish this week's supply plan so today's order windows are open (the demo as started; tests plan their own weeks). */
  currentWeekPlan?: boolean;
  /** Only what the schema before migration 0015 holds (the org-keys migration test builds a county there with today's code). */
  baseline?: boolean;
  onProgress?: (step: string, pct: number) => void;
};

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Exec = Pick<Db, 'execute'> | Pick<Tx, 'execute'>;

export function demoBoundary(): Boundary {
  const file = JSON.parse(readFileSync(new URL('../../db/geo/430281.json', import.meta.url), 'utf8'));
  return file.features[0].geometry as Boundary;
}

async function rows<T>(db: Exec, statement: SQL): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
}

export async function isDemoSeeded(db: Db): Promise<boolean> {
  const [r] = await rows<{ seeded: boolean }>(db, sql`select exists (select 1 from orgs where code = ${COUNTY.code}) as seeded`);
  return Boolean(r?.seeded);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The seed of the published demo county. */
export const DEFAULT_SEED = 430281;

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

export async function seedDemoCounty(
  db: Db,
  opts: SeedOptions,
): Promise<{ orgId: number; retailers: number; orderLines: number; ms: number }> {
  const t0 = Date.now();
  const progress = opts.onProgress ?? (() => {});
  progress('生成县域数据 generating the county', 0);
  const seed = opts.seed ?? DEFAULT_SEED;
  const county = generateCounty({ seed, today: opts.today, boundary: demoBoundary(), retailers: opts.retailers, weeks: opts.weeks });
  const distinct = [...new Set(county.users.map((u) => u.password))];
  const hashes = new Map(await Promise.all(distinct.map(async (p) => [p, await hashPassword(p)] as const)));
  progress('写入档案 writing files', 10);

  if (await isDemoSeeded(db)) throw new Error(`the demo county '${COUNTY.code}' is already in this database`);
  const result = await db.transaction(async (tx) => {
    const [{ superuser }] = await rows<{ superuser: boolean }>(tx, sql`select rolsuper as superuser from pg_roles where rolname = current_user`);
    // The generator's references are right by construction; skipping the
    // per-row foreign-key triggers halves the load time. Needs a superuser,
    // which PGlite always is; otherwise the checks simply run.
    if (superuser) await tx.execute(sql`set local session_replication_role = replica`);
    const ids = await writeFiles(tx, county, hashes);
    progress('生成订单 generating orders', 30);
    const orderLines = await writeOrders(tx, county, ids, seed, progress);
    // The gross-margin fact (decision 1743), set-based over the lines just written; a baseline county is built on a
    // schema from before that column (the org-keys migration test).
    if (!opts.baseline) await refreshOrderMargins(tx, sql`o.org_id = ${ids.orgId}`);
    return { orgId: ids.orgId, orderLines };
  });
  progress('统计 analysing', 97);
  for (const table of ['retailers', 'orders', 'order_lines', 'grids', 'villages']) await db.execute(sql.raw(`analyze ${table}`));
  progress('评定星级 rating', 98);
  await seedDemoRatings(db, result.orgId, opts.today, { baseline: opts.baseline });
  await seedDemoSettlement(db, result.orgId, opts.today);
  await seedDemoStockouts(db, result.orgId, opts.today);
  // A baseline (0014) county has no desk cases: opening one reads the rules in force through the org tree of 0019.
  if (!opts.baseline) await seedDemoDesk(db, result.orgId, opts.today);
  // Its deadline sweep queues notices through the templates of migration 0029, which a baseline (0014) county lacks.
  if (!opts.baseline) await seedDemoOnboarding(db, result.orgId, opts.today);
  if (opts.currentWeekPlan) {
    progress('本周货源计划 this week\'s supply plan', 99);
    await seedDemoSupplyPlan(db, result.orgId, opts.today);
    progress('拜访记录 visit history', 99);
    await seedDemoVisitHistory(db, result.orgId, opts.today);
    await seedDemoForecasts(db, result.orgId, opts.today);
  }
  if (opts.baseline) {
    progress('完成 done', 100);
    return { orgId: result.orgId, retailers: county.retailers.length, orderLines: result.orderLines, ms: Date.now() - t0 };
  }
  await seedDemoNotices(db, result.orgId, opts.today);
  await seedDemoSurveys(db, result.orgId, opts.today);
  const tree = await seedDemoOrgTree(db, result.orgId, opts.today);
  await seedDemoCultivation(db, result.orgId, opts.today);
  await seedDemoCare(db, result.orgId, opts.today, { dip: !!opts.currentWeekPlan });
  // After the launch and the care tasks: their score-sheet sources have records to count.
  await seedDemoMeasures(db, result.orgId, opts.today);
  if (opts.currentWeekPlan) {
    await seedDemoHome(db, result.orgId, opts.today); // the demo as started: the home's approvals, callbacks, birthdays
    // …and a second, small county under the same city: somewhere to move a shop to, two counties in the roll-ups (decision 1923).
    progress('第二个县 the second county', 99);
    await seedDemoSecondCounty(db, result.orgId, tree.cityId, opts.today, (step) => progress(step, 99));
  }
  progress('完成 done', 100);
  return { orgId: result.orgId, retailers: county.retailers.length, orderLines: result.orderLines, ms: Date.now() - t0 };
}

type NewUser = Pick<typeof users.$inferInsert, 'orgId' | 'username' | 'displayName' | 'passwordHash' | 'role'> & {
  stationId: number | null;
  retailerId: number | null;
  phone: string | null;
};

/**
 * Naming only the columns `users` had from the start: the org-keys migration test seeds a county at the 0014
 * schema (`baseline`), and the builder would name every column of today's table (password_change_required, 0030).
 * Every demo account keeps the default: never asked to change its password (decision 0860).
 */
async function insertUsers(tx: Tx, list: NewUser[]): Promise<{ id: number; username: string }[]> {
  const values = list.map(
    (u) => sql`(${u.orgId}, ${u.username}, ${u.displayName}, ${u.passwordHash}, ${u.role}::role, ${u.stationId}::int, ${u.retailerId}::int, ${u.phone})`,
  );
  return rows(
    tx,
    sql`insert into users (org_id, username, display_name, password_hash, role, station_id, retailer_id, phone)
      values ${sql.join(values, sql`, `)} returning id, username`,
  );
}

type Ids = { orgId: number; retailerIds: number[]; productIds: number[]; userIds: Map<string, number> };

async function writeFiles(tx: Tx, county: DemoCounty, hashes: Map<string, string>): Promise<Ids> {
  const [org] = await tx.insert(orgs).values(county.org).returning({ id: orgs.id });
  const orgId = org.id;
  const stationRows = await tx
    .insert(stations)
    .values(county.stations.map((s) => ({ orgId, ...s })))
    .returning({ id: stations.id, code: stations.code });
  const stationId = (n: number) => stationRows.find((s) => s.code === county.stations[n - 1].code)!.id;

  const staff = county.users.filter((u) => u.role !== 'retailer');
  const userRows = await insertUsers(
    tx,
    staff.map((u) => ({
      orgId,
      username: u.username,
      displayName: u.displayName,
      passwordHash: hashes.get(u.password)!,
      role: u.role,
      stationId: u.station ? stationId(u.station) : null,
      retailerId: null,
      phone: u.phone,
    })),
  );
  const userIds = new Map(userRows.map((u) => [u.username, u.id]));

  const gridRows = await tx
    .insert(grids)
    .values(
      county.grids.map((g) => ({
        orgId,
        stationId: stationId(g.station),
        code: g.code,
        name: g.name,
        workerId: userIds.get(`worker${g.worker + 1}`)!,
        policy: g.policy,
        targets: g.targets,
      })),
    )
    .returning({ id: grids.id, code: grids.code });
  const gridId = new Map(gridRows.map((g) => [g.code, g.id]));

  const byCode = new Map<string, number>();
  for (const batch of chunks(county.retailers, 500)) {
    const inserted = await tx
      .insert(retailers)
      .values(
        batch.map((r) => ({
          orgId,
          customerCode: r.customerCode,
          licenceNo: r.licenceNo,
          shopName: r.shopName,
          shopNameInitials: r.shopNameInitials,
          address: r.address,
          phone: r.phone,
          legalPerson: r.legalPerson,
          legalPersonIdNo: r.legalPersonIdNo,
          businessFormat: r.businessFormat,
          districtType: r.districtType,
          network: r.network,
          gridId: gridId.get(county.grids[r.grid].code)!,
          eSettlement: r.eSettlement,
          settlementMethod: r.settlementMethod,
          orderWeekday: r.orderWeekday,
          familyMembers: r.familyMembers,
          familyNote: r.familyNote,
          specialGroups: r.specialGroups,
          birthday: r.birthday,
          birthdayCalendar: r.birthdayCalendar,
          storeImage: r.storeImage,
          storeAreaM2: r.storeAreaM2,
          lat: r.lat,
          lng: r.lng,
          star: r.star,
          tier: r.tier,
          classCode: r.classCode,
          status: r.status,
          licenceValidUntil: r.licenceValidUntil,
          openedOn: r.openedOn,
          searchTokens: r.searchTokens,
        })),
      )
      .returning({ id: retailers.id, code: retailers.customerCode });
    for (const r of inserted) byCode.set(r.code, r.id);
  }
  const retailerIds = county.retailers.map((r) => byCode.get(r.customerCode)!);

  const account = county.users.find((u) => u.role === 'retailer');
  if (account && account.retailer !== null) {
    await insertUsers(tx, [
      {
        orgId,
        username: account.username,
        displayName: account.displayName,
        passwordHash: hashes.get(account.password)!,
        role: 'retailer',
        stationId: null,
        retailerId: retailerIds[account.retailer]!,
        phone: account.phone,
      },
    ]);
  }

  for (const batch of chunks(county.places, 1000)) await tx.insert(villages).values(batch.map((p) => ({ orgId, ...p })));

  // The county lists the catalogue's specs (decision 1930): new codes enter the catalogue first.
  const productId = await listCatalogProducts(tx, orgId, county.products);
  return { orgId, retailerIds, productIds: county.products.map((p) => productId.get(p.code)!), userIds };
}

/** Deterministic uniform [0, 1) from integer SQL expressions: chained hashint4, so no state and the same on every engine. */
function uniform(seed: number, ...parts: string[]): string {
  let h = String(seed & 0x7fffffff);
  for (const p of parts) h = `hashint4(${h} # ${p})`;
  return `((${h})::float8 + 2147483648.0::float8) / 4294967296.0::float8`;
}

/** Secondary indexes of the order tables: dropped for the bulk load and rebuilt after, which is several times faster. */
async function orderIndexes(tx: Tx): Promise<{ name: string; def: string }[]> {
  return rows<{ name: string; def: string }>(
    tx,
    sql`select ic.relname as name, pg_get_indexdef(i.indexrelid) as def
      from pg_index i join pg_class c on c.oid = i.indrelid join pg_class ic on ic.oid = i.indexrelid
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = current_schema() and c.relname in ('orders', 'order_lines')
        and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
      order by ic.relname`,
  );
}

async function writeOrders(tx: Tx, county: DemoCounty, ids: Ids, seed: number, progress: (step: string, pct: number) => void): Promise<number> {
  const { weeks, retailers: params, assortment } = county.orders;
  const u = (...parts: string[]) => uniform(seed, ...parts);
  const agent = ids.userIds.get('agent') ?? null;

  await tx.execute(sql`create temp table gen_week (w int primary key, monday date not null, f float8 not null) on commit drop`);
  await tx.execute(sql`insert into gen_week select * from jsonb_to_recordset(${json(weeks.map((w) => ({ w: w.week, monday: w.monday, f: w.factor })))})
    as x(w int, monday date, f float8)`);
  // The smaller festivals' multipliers by the shop's setting and by the line's price class: only weeks that have one.
  await tx.execute(sql`create temp table gen_week_setting (w int not null, st text not null, f float8 not null, primary key (w, st)) on commit drop`);
  await tx.execute(sql`create temp table gen_week_class (w int not null, pc int not null, f float8 not null, primary key (w, pc)) on commit drop`);
  const bySetting = weeks.flatMap((w) => Object.entries(w.effects.setting).filter(([, f]) => f !== 1).map(([st, f]) => ({ w: w.week, st, f })));
  const byClass = weeks.flatMap((w) => w.effects.priceClass.flatMap((f, i) => (f !== 1 ? [{ w: w.week, pc: i + 1, f }] : [])));
  if (bySetting.length) await tx.execute(sql`insert into gen_week_setting select * from jsonb_to_recordset(${json(bySetting)}) as x(w int, st text, f float8)`);
  if (byClass.length) await tx.execute(sql`insert into gen_week_class select * from jsonb_to_recordset(${json(byClass)}) as x(w int, pc int, f float8)`);
  await tx.execute(sql`create temp table gen_retailer (k int primary key, rid int not null, wd int not null, base float8 not null,
    growth float8 not null, w0 int not null, w1 int not null, skip float8 not null, fail float8 not null, line_rate float8 not null,
    channel text not null, method text not null, worker int, tier int not null, st text not null) on commit drop`);
  for (const batch of chunks(params, 2000)) {
    const data = batch.map((p) => {
      const r = county.retailers[p.retailer];
      return {
        k: p.retailer,
        rid: ids.retailerIds[p.retailer],
        wd: p.weekday,
        base: p.base,
        growth: p.growth,
        w0: p.firstWeek,
        w1: p.lastWeek,
        skip: p.skipRate,
        fail: p.failRate,
        line_rate: p.lineRate,
        channel: p.channel,
        method: p.settlementMethod,
        worker: ids.userIds.get(`worker${county.grids[r.grid].worker + 1}`) ?? null,
        tier: r.tier,
        st: r.setting,
      };
    });
    await tx.execute(sql`insert into gen_retailer select * from jsonb_to_recordset(${json(data)}) as x(k int, rid int, wd int, base float8,
      growth float8, w0 int, w1 int, skip float8, fail float8, line_rate float8, channel text, method text, worker int, tier int, st text)`);
  }
  await tx.execute(sql`create temp table gen_item (k int not null, pid int not null, share float8 not null, rnk int not null,
    launch int not null, price numeric(10, 2) not null, pc int not null, scarce boolean not null) on commit drop`);
  for (const batch of chunks(assortment, 10_000)) {
    const data = batch.map((a) => {
      const p = county.products[a.product];
      return { k: a.retailer, pid: ids.productIds[a.product], share: a.share, rnk: a.rank, launch: a.launchWeek, price: p.wholesalePrice, pc: p.priceClass, scarce: p.scarce };
    });
    await tx.execute(sql`insert into gen_item select * from jsonb_to_recordset(${json(data)}) as x(k int, pid int, share float8, rnk int,
      launch int, price numeric, pc int, scarce boolean)`);
  }
  await tx.execute(sql`create index on gen_item (k)`);

  // One order per retailer and week on its order day, unless it skips the week
  // (more often the week of the Spring Festival, when shops close). A shop that
  // skipped last week restocks: it orders most of the missed week as well.
  // `fill` is the share of its weekly volume a shop's usual lines add up to, so
  // that spreading each week's volume over the lines ordered (below) keeps the
  // volumes as they were while their month-to-month swings become a shop's, not
  // the dice's (decision 1420).
  await tx.execute(sql`create temp table gen_fill on commit drop as
    select i.k, sum(case when i.rnk = 1 then i.share else i.share * r.line_rate end) as fill
    from gen_item i join gen_retailer r on r.k = i.k group by i.k`);
  const [{ base }] = await rows<{ base: number }>(tx, sql`select coalesce(max(id), 0)::int8 as base from orders`);
  const last = weeks.length - 1;
  const skips = (w: string, f: string) => `${u('r.k', w, '1')} < least(0.9, r.skip + case when ${f} < 0.6 then 0.25 else 0 end)`;
  await tx.execute(
    sql.raw(`create temp table gen_order on commit drop as
      select (row_number() over (order by wk.monday + (r.wd - 1), r.k) + ${Number(base)})::int8 as oid,
        r.k, r.rid, wk.w, wk.monday + (r.wd - 1) as d,
        r.base * wk.f * exp(r.growth * (wk.w - ${last}) / 52.0) * gf.fill
          * case when wk.w > r.w0 and ${skips('(wk.w - 1)', 'coalesce(pw.f, 1)')} then 1.7 else 1 end * coalesce(ws.f, 1) as vol,
        r.line_rate, r.tier, r.method, r.channel, r.worker, r.fail
      from gen_retailer r join gen_fill gf on gf.k = r.k join gen_week wk on wk.w between r.w0 and r.w1
      left join gen_week pw on pw.w = wk.w - 1
      left join gen_week_setting ws on ws.w = wk.w and ws.st = r.st
      where not (${skips('wk.w', 'wk.f')})`),
  );
  progress('生成订单明细 generating order lines', 40);

  const dropped = await orderIndexes(tx);
  for (const ix of dropped) await tx.execute(sql.raw(`drop index ${JSON.stringify(ix.name)}`));

  // Lines: the main spec always, the others by the retailer's line rate; new
  // specs only after launch. Scarce specs are asked for above the per-customer
  // limit, which grows with the tier. Orders carry the sums of their lines.
  await tx.execute(
    sql.raw(`with inc as materialized (
        select o.oid, o.k, o.w, o.vol, o.tier, i.pid, i.rnk, i.price, i.pc, i.scarce, i.share, sum(i.share) over (partition by o.oid) as tot,
          coalesce(wc.f, 1) as cf
        from gen_order o
        join gen_item i on i.k = o.k and o.w >= i.launch
        left join gen_week_class wc on wc.w = o.w and wc.pc = i.pc
        where i.rnk = 1 or ${u('o.k', 'o.w', 'i.pid', '4')} < o.line_rate
      ),
      l as materialized (
        select o.oid, o.pid, o.rnk, o.price, o.pc, x.dq,
          case when o.scarce then least(x.dq, 1 + o.tier / 6) else x.dq end as aq,
          ${u('o.k', 'o.w', 'o.pid', '7')} as u7
        from inc o
        cross join lateral (select greatest(1, round(o.vol * o.share / o.tot * o.cf * (0.8 + 0.4 * ${u('o.k', 'o.w', 'o.pid', '5')})))::int as q) b
        cross join lateral (select case when o.scarce then b.q + 1 + floor(b.q * 1.5 * ${u('o.k', 'o.w', 'o.pid', '6')})::int else b.q end as dq) x
      ),
      lines as materialized (
        select oid, pid, rnk, price, pc, dq, aq, case when aq > 1 and u7 < 0.04 then aq - 1 else aq end as oq from l
      ),
      totals as (select oid, sum(oq)::int as qty, sum(oq * price) as amount, ${orderFactSums('oq', 'oq * price', 'pc')} from lines group by oid),
      new_orders as (
        insert into orders (id, org_id, retailer_id, order_date, channel, status, total_qty, total_amount,
          class1_qty, class1_amount, class12_qty, line_count, settlement_method, settlement_status, settled_at, created_by, created_at)
        select o.oid, ${ids.orgId}, o.rid, o.d, c.channel,
          case when c.failed then 'cancelled' else 'confirmed' end, t.qty, t.amount, t.q1, t.v1, t.q12, t.n, o.method,
          case when c.failed then 'failed' else 'deducted' end,
          case when c.failed then null else (o.d::text || ' 17:30:00+08')::timestamptz end,
          case c.channel when 'visit' then o.worker when 'phone' then ${agent ?? 'null'} end,
          (o.d::text || ' 08:00:00+08')::timestamptz + floor(${u('o.k', 'o.w', '8')} * 240) * interval '1 minute'
        from gen_order o join totals t on t.oid = o.oid
        cross join lateral (select ${u('o.k', 'o.w', '2')} < o.fail as failed,
          case when ${u('o.k', 'o.w', '3')} < 0.8 then o.channel when ${u('o.k', 'o.w', '3')} < 0.92 then 'phone' else 'self' end as channel) c
        returning 1
      )
      insert into order_lines (org_id, order_id, product_id, demand_qty, available_qty, ordered_qty, unit_price, amount)
      select ${ids.orgId}, oid, pid, dq, aq, oq, price, oq * price from lines${process.env.ZG_NOSORT ? "" : " order by oid, rnk"}`),
  );
  progress('重建索引 rebuilding indexes', 85);
  for (const ix of dropped) await tx.execute(sql.raw(ix.def));
  await tx.execute(sql`select setval(pg_get_serial_sequence('orders', 'id'), greatest(1, (select max(id) from orders)))`);
  const [{ n }] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from order_lines where org_id = ${ids.orgId}`);
  return n;
}
