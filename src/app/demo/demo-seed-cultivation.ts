// Demo new-brand cultivation (品牌培育): the county's earlier launches are the
// new products the order history already sells, each followed from the week
// it was first ordered (the band's history); and a launch in progress, five
// weeks old, of a product new to the catalogue, adopted by its target shops
// more slowly than the earlier ones, with orders on the shops' own order days
// and shelf checks with consumer-trial feedback recorded by their workers.
// Measures are computed as the job does; no notice is sent from the seed.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { refreshOrderFacts } from '../../db/order-facts.js';
import { listCatalogProducts } from '../../db/product-catalog.js';
import { addDays, isoWeekday, localDate } from '../../domain/visits/visit-cycle.js';
import type { LaunchTarget } from '../../shared/cultivation.js';
import { analyzeLaunchInputs, recomputeLaunchStats } from '../cultivation/recompute-launch-stats.js';
import { targetWhere } from '../cultivation/launch-target-sql.js';

const ALL: LaunchTarget = { tierMin: 1, tierMax: 30, segments: [], formats: [], gridIds: [] };
/** A uniform number in [0, 1) from a key, the same on every engine. */
const u = (key: string) => sql.raw(`(('x' || substr(md5(${key}), 1, 8))::bit(32)::int8 & 2147483647)::float8 / 2147483648`);

async function insertLaunch(db: Db, orgId: number, productId: number, name: string, launchWeek: string, weeks: number, target: LaunchTarget, createdBy: number | null): Promise<number> {
  const [l] = await query<{ id: number }>(
    db,
    sql`insert into launches (org_id, product_id, name, launch_week, weeks, target, target_count, created_by, created_at)
      values (${orgId}, ${productId}, ${name}, ${launchWeek}, ${weeks}, ${JSON.stringify(target)}::jsonb, 0, ${createdBy}, ${`${launchWeek}T01:00:00Z`}::timestamptz - interval '7 days')
      returning id`,
  );
  await db.execute(sql`insert into launch_targets (org_id, launch_id, retailer_id, grid_id, station_id, worker_id, tier)
    select r.org_id, ${l.id}, r.id, r.grid_id, g.station_id, g.worker_id, r.tier from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id
    where r.org_id = ${orgId} and r.status = 'active' and ${targetWhere(orgId, target)}`);
  await db.execute(sql`update launches set target_count = (select count(*) from launch_targets where org_id = ${orgId} and launch_id = ${l.id}) where org_id = ${orgId} and id = ${l.id}`);
  return l.id;
}

export async function seedDemoCultivation(db: Db, orgId: number, today: Date): Promise<void> {
  const day = localDate(today);
  const monday = addDays(day, 1 - isoWeekday(day));
  const [manager] = await query<{ id: number }>(db, sql`select id from users where org_id = ${orgId} and role = 'county_manager' order by id limit 1`);
  // Earlier launches: the new products of the history, from the Monday of their first order, 12 weeks each.
  const history = await query<{ id: number; name: string; first: string }>(
    db,
    sql`select p.id, p.brand || '（' || p.name || '）' as name, to_char(min(o.order_date), 'YYYY-MM-DD') as first
      from products p join order_lines l on l.org_id = p.org_id and l.product_id = p.id join orders o on o.org_id = l.org_id and o.id = l.order_id
      where p.org_id = ${orgId} and p.is_new group by p.id, p.org_id order by p.code limit 6`,
  );
  const ids: number[] = [];
  for (const h of history) {
    const week = addDays(h.first, 1 - isoWeekday(h.first));
    if (week >= addDays(monday, -7 * 6)) continue; // too recent to be history
    ids.push(await insertLaunch(db, orgId, h.id, h.name, week, 12, ALL, manager?.id ?? null));
  }

  // The launch in progress: a product new to the catalogue, launched five weeks before this week to shops of tier 3 and up.
  const listed = await listCatalogProducts(
    db,
    orgId,
    [{ code: '43099001', brand: '白沙', name: '和天下·细支新品', priceClass: 2, retailPrice: 320, provinceMade: true, wholesalePrice: 280, isNew: true }],
    'update',
  );
  const product = { id: listed.get('43099001')! };
  const launchWeek = addDays(monday, -7 * 5);
  const current = await insertLaunch(db, orgId, product.id, '白沙（和天下·细支新品）', launchWeek, 12, { ...ALL, tierMin: 3 }, manager?.id ?? null);
  // Each target shop adopts (or never does) at a week drawn from a slow curve; after that it orders again some weeks.
  // The week expression appears in DISTINCT ON and ORDER BY: one literal (a date made here), not two parameters.
  const lw = sql.raw(`'${launchWeek}'::date`);
  await db.execute(sql`
    with t as (
      select t.retailer_id, ${u(`t.retailer_id::text || ':adopt'`)} as ua, ${u(`t.retailer_id::text || ':when'`)} as uw
      from launch_targets t where t.org_id = ${orgId} and t.launch_id = ${current}),
    a as (select retailer_id, 1 + floor(-ln(1 - uw) / 0.3)::int as aw from t where ua < 0.2),
    o as (
      select distinct on (o.retailer_id, ((o.order_date - ${lw}) / 7)) o.id, o.retailer_id, ((o.order_date - ${lw}) / 7 + 1) as week
      from orders o join a on a.retailer_id = o.retailer_id
      where o.org_id = ${orgId} and o.status <> 'cancelled' and o.order_date >= ${launchWeek}::date and o.order_date <= ${day}::date
      order by o.retailer_id, ((o.order_date - ${lw}) / 7), o.order_date)
    insert into order_lines (org_id, order_id, product_id, demand_qty, available_qty, ordered_qty, unit_price, amount)
    select ${orgId}, o.id, ${product.id}, x.d, 2, least(x.d, 2), 280, least(x.d, 2) * 280
    from o join a on a.retailer_id = o.retailer_id
      cross join lateral (select 1 + floor(${u(`o.id::text || ':qty'`)} * 3)::int as d) x
    where o.week = a.aw or (o.week > a.aw and ${u(`o.id::text || ':again'`)} < 0.45)`);
  await refreshOrderFacts(db, sql`o.id in (select order_id from order_lines where product_id = ${product.id})`);
  // The bank deducted what the order came to, launch lines included: raise each deduction by what they added, so the
  // settlement report's planted mismatches stay the only ones.
  await db.execute(sql`
    update settlement_attempts a set amount = a.amount + x.added
    from (select l.order_id, sum(l.amount) as added from order_lines l where l.org_id = ${orgId} and l.product_id = ${product.id} group by l.order_id) x
    where a.org_id = ${orgId} and a.order_id = x.order_id and a.status = 'deducted'`);

  // Shelf checks and consumer-trial feedback: about a third of the target shops visited once or twice since the launch.
  await db.execute(sql`
    with t as (
      select t.retailer_id, t.worker_id, ${u(`t.retailer_id::text || ':visit'`)} as uv
      from launch_targets t where t.org_id = ${orgId} and t.launch_id = ${current} and t.worker_id is not null),
    v as (
      select t.retailer_id, t.worker_id, (${launchWeek}::date + (1 + floor(t.uv * 3 * 7))::int + k * 14) as d, k
      from t cross join generate_series(0, 1) k where t.uv < 0.36)
    insert into launch_checks (org_id, launch_id, visit_id, retailer_id, worker_id, visit_date, on_shelf, taste, price_acceptance, pack, rebuy_intent, samples_given, created_at)
    select ${orgId}, ${current}, md5(v.retailer_id::text || ':' || v.k)::uuid, v.retailer_id, v.worker_id, v.d,
      exists (select 1 from order_lines l join orders o on o.org_id = l.org_id and o.id = l.order_id where o.retailer_id = v.retailer_id and l.product_id = ${product.id} and o.order_date <= v.d),
      3 + floor(${u(`v.retailer_id::text || ':taste' || v.k`)} * 3)::int,
      (array['low', 'fair', 'fair', 'high'])[1 + floor(${u(`v.retailer_id::text || ':price' || v.k`)} * 4)::int],
      3 + floor(${u(`v.retailer_id::text || ':pack' || v.k`)} * 3)::int,
      (array['yes', 'yes', 'maybe', 'no'])[1 + floor(${u(`v.retailer_id::text || ':rebuy' || v.k`)} * 4)::int],
      floor(${u(`v.retailer_id::text || ':samples' || v.k`)} * 6)::int,
      (v.d::timestamp + interval '10 hours') at time zone 'Asia/Shanghai'
    from v where v.d <= ${day}::date`);

  await analyzeLaunchInputs(db);
  for (const id of [...ids, current]) await recomputeLaunchStats(db, orgId, id, today, { notify: false });
}
