// Province data for bench:measures: 300,000 retailers copied onto the demo
// county's grids, 26 weeks of orders (one a week on the shop's order day,
// ~8 % skipped, 2 % cancelled with a failed deduction), order lines for the
// score-sheet month and after (the stock-out and gross-margin parts read
// lines; the 26-week parts read the order facts), one planned visit per shop
// in the month and ~90 % of them done, some desk cases with their 回访, and a
// tobacco-income share on a visit form for one shop in three.
import { refreshOrderMargins } from '../src/db/order-facts.js';
import { sql } from 'drizzle-orm';
import { query, type Db } from '../src/db/client.js';

export const BENCH_TODAY = '2026-11-24';
export const BENCH_MONTH = '2026-10';

export async function generateProvince(db: Db, orgId: number, n: number, log: (...a: unknown[]) => void): Promise<void> {
  const first = sql`${BENCH_TODAY}::date - 182`;
  const linesFrom = sql`'2026-10-01'::date`;
  await db.execute(sql`truncate order_lines, orders, retailer_ratings, tier_overrides, rating_runs, visits, visit_plan_stops, visit_plans, desk_surveys, desk_case_events, desk_rewards, desk_cases restart identity cascade`);
  await db.execute(sql`delete from users where role = 'retailer'`);
  await db.execute(sql`truncate retailers restart identity cascade`);
  log('retailers…');
  await db.execute(sql`create temp table bench_grids as select row_number() over (order by id) - 1 as gk, id, station_id, worker_id from grids`);
  const [{ g }] = await query<{ g: number }>(db, sql`select count(*)::int as g from bench_grids`);
  await db.execute(sql`insert into retailers (org_id, customer_code, licence_no, shop_name, shop_name_initials, address, phone, legal_person,
      business_format, district_type, network, grid_id, e_settlement, settlement_method, order_weekday, store_image, lat, lng, opened_on, status)
    select ${orgId}, lpad(k::text, 12, '0'), '430281' || lpad(k::text, 6, '0'), '零售户' || k, 'lsh', '地址' || k, '139' || lpad(k::text, 8, '0'), '店主',
      (array['Z','Z','Z','B','B','S','N','Y','F','Q'])[1 + k % 10], 'residential', case when k % 10 < 3 then 'urban' else 'rural' end,
      bg.id, k % 7 <> 0, case when k % 7 <> 0 then 'bank_deduction' else 'cash' end, 1 + k % 5, (array['A','B','B','C','C','D'])[1 + k % 6],
      27.6 + (k % 1000) * 0.0005, 113.4 + (k / 1000) * 0.0005, ${BENCH_TODAY}::date - (30 + k % 3000), case when k % 97 = 0 then 'suspended'::retailer_status else 'active'::retailer_status end
    from generate_series(1, ${n}) k join bench_grids bg on bg.gk = k % ${g}`);
  log('orders…');
  await db.execute(sql`set session_replication_role = replica`);
  await db.execute(sql`drop index if exists order_lines_order`);
  await db.execute(sql`drop index if exists order_lines_product`);
  await db.execute(sql`insert into orders (org_id, retailer_id, order_date, channel, status, total_qty, total_amount, settlement_method, settlement_status)
    select ${orgId}, r.id, d, 'phone', case when h % 50 = 0 then 'cancelled' else 'confirmed' end,
      q, q * (120 + r.id % 180), r.settlement_method, case when h % 50 = 0 then 'failed' else 'deducted' end
    from retailers r
    cross join generate_series(${first}, ${BENCH_TODAY}::date - 1, interval '1 day') gs(day)
    cross join lateral (select gs.day::date as d, (hashint8(r.id::int8 * 1000 + (gs.day::date - ${first})) & 2147483647) as h) x
    cross join lateral (select (2 + r.id % 20 + (x.h / 100) % 5)::int as q) y
    where extract(isodow from gs.day) = r.order_weekday and x.h % 100 >= 8
    order by x.d, r.id`);
  log('order lines of the month…');
  await db.execute(sql`create temp table bench_products as select row_number() over (order by id) - 1 as k, id, wholesale_price as price from products`);
  const [{ p }] = await query<{ p: number }>(db, sql`select count(*)::int as p from bench_products`);
  await db.execute(sql`insert into order_lines (org_id, order_id, product_id, demand_qty, available_qty, ordered_qty, unit_price, amount)
    select ${orgId}, o.id, bp.id, q, case when x.h % 23 = 0 then 0 else q end, case when x.h % 23 = 0 then 0 else q end, bp.price, case when x.h % 23 = 0 then 0 else q end * bp.price
    from orders o
    cross join lateral generate_series(1, 2 + (o.id % 5)::int) i
    cross join lateral (select (hashint8(o.retailer_id::int8 * 37 + i) & 2147483647) % ${p} as pk,
      1 + ((hashint8(o.id * 8 + i) & 2147483647) % 8)::int as q, (hashint8(o.id * 11 + i) & 2147483647) as h) x
    join bench_products bp on bp.k = x.pk
    where o.order_date >= ${linesFrom}`);
  await db.execute(sql`create index order_lines_order on order_lines (order_id)`);
  await db.execute(sql`create index order_lines_product on order_lines (product_id)`);
  log('order margins…');
  await refreshOrderMargins(db, sql`o.org_id = ${orgId} and o.order_date >= ${linesFrom}`);
  log('visits of the month…');
  await db.execute(sql`insert into visit_plans (org_id, worker_id, station_id, cycle_start, cycle_end, depot_lat, depot_lng)
    select ${orgId}, u.id, u.station_id, '2026-10-01', '2026-10-31', 27.6, 113.4 from users u where u.role = 'grid_worker' and u.org_id = ${orgId}`);
  await db.execute(sql`insert into visit_plan_stops (org_id, plan_id, worker_id, retailer_id, visit_date, seq, planned_start, service_minutes)
    select ${orgId}, vp.id, g.worker_id, r.id, '2026-10-01'::date + (r.id % 27), (r.id / ${g}) % 30000, 540, 15
    from retailers r join grids g on g.id = r.grid_id join visit_plans vp on vp.worker_id = g.worker_id and vp.cycle_start = '2026-10-01'
    where r.status = 'active'`);
  await db.execute(sql`insert into visits (id, org_id, worker_id, retailer_id, grid_id, station_id, plan_stop_id, visit_date, status,
      checked_in_at, check_in_lat, check_in_lng, check_in_distance_m, form, display_score)
    select gen_random_uuid(), ${orgId}, s.worker_id, s.retailer_id, r.grid_id, g.station_id, s.id, s.visit_date, 'done',
      (s.visit_date::timestamp + interval '9 hours') at time zone 'Asia/Shanghai', r.lat, r.lng, 10,
      jsonb_build_object('displayScore', 4, 'priceTags', 'complete', 'newBrands', '[]'::jsonb, 'suspectCounterfeit', false, 'counterfeitNote', '',
        'storeImage', 'B', 'consumerFeedback', '', 'requests', '', 'problems', '')
        || case when s.retailer_id % 3 = 0 then jsonb_build_object('tobaccoIncomePct', 20 + s.retailer_id % 60) else '{}'::jsonb end, 4
    from visit_plan_stops s join retailers r on r.id = s.retailer_id join grids g on g.id = r.grid_id
    where abs(hashtext(s.id::text)) % 100 < 90`);
  log('desk cases…');
  await db.execute(sql`insert into desk_cases (org_id, kind, channel, category, cause, jurisdiction, retailer_id, grid_id, station_id, text, policy_version,
      status, milestone, opened_at, closed_at, due_at, breached_at)
    select ${orgId}, 'complaint', 'phone', 'supply', 'supply', 'marketing', r.id, r.grid_id, g.station_id, '投诉', 1, 'closed', 'none',
      t.at, t.at + interval '2 days', t.at + interval '3 days', case when r.id % 1000 < 20 then t.at + interval '3 days' end
    from retailers r join grids g on g.id = r.grid_id
    cross join lateral (select ('2026-10-02'::date + (r.id % 25))::timestamptz as at) t
    where r.id % 100 = 0`);
  await db.execute(sql`insert into desk_surveys (org_id, case_id, result, channel, at)
    select org_id, id, case when id % 10 = 0 then 'dissatisfied' when id % 3 = 0 then 'basically' else 'satisfied' end, 'phone', closed_at + interval '1 day'
    from desk_cases`);
  await db.execute(sql`set session_replication_role = origin`);
  log('statistics…');
  for (const t of ['retailers', 'orders', 'order_lines', 'products', 'visits', 'visit_plan_stops', 'desk_cases', 'desk_surveys']) await db.execute(sql.raw(`vacuum analyze ${t}`));
}
