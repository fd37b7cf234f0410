// The demo's history of the four measures and the score sheets: last month's
// walked visit calendar (one planned visit per active shop, most done within
// the day, a few late or missed, the owner's tobacco share of income asked on
// one visit in three), then the measures as of the first of each of the last
// six months and of today, over the county's real order history, and the
// score sheets of last month and of this month so far.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { computeMeasures } from '../measures/compute-measures.js';
import { computeScoreSheets } from '../measures/compute-score-sheets.js';
import { beijingDate } from '../ordering/order-reminders.js';

function monthStart(iso: string, back: number): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 - back, 1));
  return d.toISOString().slice(0, 10);
}

export async function seedDemoMeasures(db: Db, orgId: number, now: Date): Promise<void> {
  const today = beijingDate(now);
  const lastMonth = monthStart(today, 1);
  const thisMonth = monthStart(today, 0);
  const [{ n }] = await query<{ n: number }>(
    db,
    sql`select count(*)::int as n from visit_plan_stops where org_id = ${orgId} and visit_date >= ${lastMonth}::date and visit_date < ${thisMonth}::date`,
  );
  if (n === 0) {
    await db.execute(sql`insert into visit_plans (org_id, worker_id, station_id, cycle_start, cycle_end, depot_lat, depot_lng, stats)
      select ${orgId}, u.id, u.station_id, ${lastMonth}::date, ${thisMonth}::date - 1, st.lat, st.lng, '{"demo": "last month"}'::jsonb
      from users u join stations st on st.org_id = u.org_id and st.id = u.station_id where u.org_id = ${orgId} and u.role = 'grid_worker' and u.active
      on conflict do nothing`);
    // Working days only (Mon–Fri), spread by shop id.
    await db.execute(sql`
      with days as (select d::date as day, row_number() over (order by d) - 1 as k from generate_series(${lastMonth}::date, ${thisMonth}::date - 1, interval '1 day') d
                    where extract(isodow from d) <= 5),
        nd as (select count(*) as n from days)
      insert into visit_plan_stops (org_id, plan_id, worker_id, retailer_id, visit_date, seq, planned_start, service_minutes)
      select ${orgId}, p.id, g.worker_id, r.id, days.day, row_number() over (partition by g.worker_id, days.day order by r.id), 540 + 20 * (r.id % 20), 15
      from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id join visit_plans p on p.org_id = ${orgId} and p.worker_id = g.worker_id and p.cycle_start = ${lastMonth}::date
        cross join nd join days on days.k = r.id % nd.n
      where r.org_id = ${orgId} and r.status = 'active'
      on conflict do nothing`);
    const roll = sql`(abs(hashtext(s.id::text || 'measures')) % 100)`;
    await db.execute(sql`
      with s as (select s.*, ${roll} as roll, r.lat, r.lng, r.grid_id, g.station_id from visit_plan_stops s join visit_plans p on p.id = s.plan_id
                 join retailers r on r.id = s.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
                 where p.org_id = ${orgId} and p.cycle_start = ${lastMonth}::date),
        v as (select s.*, case when roll < 86 then s.visit_date else s.visit_date + 1 + roll % 3 end as day from s where roll < 93)
      insert into visits (id, org_id, worker_id, retailer_id, grid_id, station_id, plan_stop_id, visit_date, status, checked_in_at, check_in_lat, check_in_lng,
        check_in_accuracy_m, check_in_distance_m, form, display_score, recorded_at, synced_at)
      select gen_random_uuid(), v.org_id, v.worker_id, v.retailer_id, v.grid_id, v.station_id, case when v.day = v.visit_date then v.id end, v.day, 'done',
        t.at, v.lat, v.lng, 10, 5 + v.roll % 40,
        jsonb_build_object('displayScore', 3 + v.roll % 3, 'priceTags', 'complete', 'newBrands', '[]'::jsonb, 'suspectCounterfeit', false, 'counterfeitNote', '',
          'storeImage', 'B', 'consumerFeedback', '', 'requests', '', 'problems', '')
          || case when v.retailer_id % 3 = 0 then jsonb_build_object('tobaccoIncomePct', 25 + (v.retailer_id * 7) % 60) else '{}'::jsonb end,
        3 + v.roll % 3, t.at + interval '12 minutes', t.at + interval '15 minutes'
      from v cross join lateral (select (v.day::timestamp + make_interval(mins => v.planned_start)) at time zone 'Asia/Shanghai' as at) t
      -- a visit too late to fall in last month is missed: this month's visits are the current calendar's
      where v.day < ${today}::date and v.day < ${thisMonth}::date`);
  }
  // Six months of history on the first of each month, then tonight.
  for (let back = 6; back >= 0; back--) await computeMeasures(db, orgId, monthStart(today, back));
  await computeMeasures(db, orgId, today);
  await computeScoreSheets(db, orgId, lastMonth.slice(0, 7), today);
  await computeScoreSheets(db, orgId, thisMonth.slice(0, 7), today);
}
