// The demo's visit history: each grid worker's calendar of the current cycle,
// made as it would have been on the cycle's first morning, and the visits of
// its days up to now — most done on the day, some a few days late, a few
// missed, and today's done up to the hour the demo starts. So 拜访进度 opens
// on a county at work, and the worker's list agrees with it (decision 1411).
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { cycleOf, localDate, localMinutes } from '../../domain/visits/visit-cycle.js';
import { planVisitCalendars } from '../../jobs/plan-visit-calendars.js';
import { getVisitSettings } from '../visits/visit-config-queries.js';

/** 00:00 of a China date, as an instant. */
const chinaMidnight = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`));

/** `workerIds`: only these workers' calendars (the second county: the workers of its copied grids). */
export async function seedDemoVisitHistory(db: Db, orgId: number, now: Date, workerIds?: number[]): Promise<{ stops: number; visits: number }> {
  const today = localDate(now);
  const settings = await getVisitSettings(db, orgId);
  const cycle = cycleOf(today, settings.cycleAnchor, settings.cycleWeeks);
  // Quick solves (the nightly job refines nothing here: this is the calendar the county has been walking).
  await planVisitCalendars(db, { orgId, date: today, ...(workerIds ? { workerIds } : {}) }, chinaMidnight(cycle.start), { maxIterations: 200 }, null);
  const minute = localMinutes(now);
  // A stable pseudo-random number 0–99 per stop, so the history is the same on every start.
  const roll = sql`(abs(hashtext(s.id::text || 'visit')) % 100)`;
  const res = await db.execute(sql`
    with s as (
      select s.id, s.org_id, s.worker_id, s.retailer_id, s.visit_date, s.planned_start, s.service_minutes, ${roll} as roll,
        r.lat, r.lng, r.grid_id, g.station_id
      from visit_plan_stops s join visit_plans p on p.id = s.plan_id
      join retailers r on r.id = s.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
      where p.org_id = ${orgId} and p.cycle_start = ${cycle.start}::date
        and (s.visit_date < ${today}::date or (s.visit_date = ${today}::date and s.planned_start + s.service_minutes <= ${minute}))
    ),
    v as (
      -- 88 in 100 on the day, 6 within three days after, the rest missed
      select s.*, case when roll < 88 then s.visit_date else s.visit_date + 1 + roll % 3 end as day
      from s where roll < 94
    )
    insert into visits (id, org_id, worker_id, retailer_id, grid_id, station_id, plan_stop_id, visit_date, status,
      checked_in_at, check_in_lat, check_in_lng, check_in_accuracy_m, check_in_distance_m, form, display_score, suspect_counterfeit, recorded_at, synced_at, created_at)
    select gen_random_uuid(), v.org_id, v.worker_id, v.retailer_id, v.grid_id, v.station_id, case when v.day = v.visit_date then v.id end, v.day, 'done',
      t.at, v.lat + (v.roll % 7 - 3) * 0.00005, v.lng + (v.roll % 5 - 2) * 0.00005, 8 + v.roll % 20, 5 + v.roll % 40,
      jsonb_build_object('displayScore', 3 + v.roll % 3, 'priceTags', case when v.roll % 10 = 0 then 'partial' else 'complete' end, 'newBrands', '[]'::jsonb,
        'suspectCounterfeit', false, 'counterfeitNote', '', 'storeImage', case when v.roll % 4 = 0 then 'B' else 'A' end,
        'consumerFeedback', '', 'requests', case when v.roll % 17 = 0 then '希望多配细支烟' else '' end, 'problems', ''),
      3 + v.roll % 3, false, t.at + interval '12 minutes', t.at + interval '15 minutes', t.at + interval '15 minutes'
    from v cross join lateral (select (v.day::timestamp + make_interval(mins => v.planned_start)) at time zone 'Asia/Shanghai' as at) t
    where v.day <= ${today}::date and t.at + interval '15 minutes' <= ${now.toISOString()}::timestamptz
    returning 1`);
  const [stops] = await query<{ n: number }>(
    db,
    sql`select count(*)::int as n from visit_plan_stops s join visit_plans p on p.org_id = s.org_id and p.id = s.plan_id where p.org_id = ${orgId} and p.cycle_start = ${cycle.start}::date`,
  );
  return { stops: stops.n, visits: (res as unknown as { rows: unknown[] }).rows.length };
}
