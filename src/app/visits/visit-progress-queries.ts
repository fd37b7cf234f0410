// Visits done against the plan, per worker, day and week, in one set-based
// statement. A planned stop is done when the shop was visited that day; late
// when it was visited within the following six days instead; missed when its
// day has passed without either; pending when its day is today or later.
// Only stops from the day the calendar was made count: a calendar made in the
// middle of a cycle holds the cycle's earlier days too, but nobody could have
// walked a route that did not exist yet (decision 1411).
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { workerScope } from '../../db/visit-scope.js';
import type { Viewer } from '../../domain/access/viewer.js';
import type { Progress } from '../../shared/visits.js';

type Counts = { planned: number; done: number; late: number; missed: number; pending: number };

export async function findProgress(db: Db, viewer: Viewer, q: { from: string; to: string; today: string; workerId?: number }, now: Date): Promise<Progress> {
  const worker = q.workerId ? sql`and u.id = ${q.workerId}` : sql``;
  const rows = await query<Counts & { workerId: number; name: string; stationId: number | null; date: string | null; extra: number; overdueFollowUps: number }>(
    db,
    sql`with w as (select u.id, u.display_name as name, u.station_id from users u where ${workerScope(viewer)} ${worker}),
      s as (
        select s.worker_id, s.visit_date, s.retailer_id,
          exists (select 1 from visits v where v.worker_id = s.worker_id and v.retailer_id = s.retailer_id and v.status = 'done' and v.visit_date = s.visit_date) as done,
          exists (select 1 from visits v where v.worker_id = s.worker_id and v.retailer_id = s.retailer_id and v.status = 'done'
            and v.visit_date > s.visit_date and v.visit_date <= s.visit_date + 6) as later
        from visit_plan_stops s join w on w.id = s.worker_id join visit_plans p on p.id = s.plan_id
        where s.visit_date between ${q.from}::date and ${q.to}::date
          and s.visit_date >= (p.generated_at at time zone 'Asia/Shanghai')::date
      ),
      c as (
        select worker_id, visit_date, count(*)::int as planned, count(*) filter (where done)::int as done,
          count(*) filter (where not done and later)::int as late,
          count(*) filter (where not done and not later and visit_date < ${q.today}::date)::int as missed,
          count(*) filter (where not done and not later and visit_date >= ${q.today}::date)::int as pending
        from s group by worker_id, visit_date
      ),
      x as (
        select v.worker_id, count(*)::int as extra from visits v join w on w.id = v.worker_id
        where v.status = 'done' and v.visit_date between ${q.from}::date and ${q.to}::date
          and not exists (select 1 from visit_plan_stops s join visit_plans p on p.id = s.plan_id
            where s.worker_id = v.worker_id and s.retailer_id = v.retailer_id and s.visit_date = v.visit_date
              and s.visit_date >= (p.generated_at at time zone 'Asia/Shanghai')::date)
        group by v.worker_id
      ),
      f as (
        select f.worker_id, count(*)::int as n from follow_ups f join w on w.id = f.worker_id
        where f.status = 'open' and f.due_at < ${now.toISOString()} group by f.worker_id
      )
      select w.id as "workerId", w.name, w.station_id as "stationId", c.visit_date::text as date,
        coalesce(c.planned, 0) as planned, coalesce(c.done, 0) as done, coalesce(c.late, 0) as late,
        coalesce(c.missed, 0) as missed, coalesce(c.pending, 0) as pending,
        coalesce(x.extra, 0) as extra, coalesce(f.n, 0) as "overdueFollowUps"
      from w left join c on c.worker_id = w.id left join x on x.worker_id = w.id left join f on f.worker_id = w.id
      order by w.id, c.visit_date`,
  );
  const zero = (): Counts => ({ planned: 0, done: 0, late: 0, missed: 0, pending: 0 });
  const add = (a: Counts, b: Counts) => {
    a.planned += b.planned;
    a.done += b.done;
    a.late += b.late;
    a.missed += b.missed;
    a.pending += b.pending;
  };
  const workers = new Map<number, Progress['workers'][number]>();
  const days = new Map<string, Counts>();
  const weeks = new Map<string, Counts>();
  for (const r of rows) {
    if (!workers.has(r.workerId)) workers.set(r.workerId, { workerId: r.workerId, name: r.name, stationId: r.stationId, ...zero(), extra: r.extra, overdueFollowUps: r.overdueFollowUps });
    add(workers.get(r.workerId)!, r);
    if (r.date) {
      if (!days.has(r.date)) days.set(r.date, zero());
      add(days.get(r.date)!, r);
      const week = mondayOf(r.date);
      if (!weeks.has(week)) weeks.set(week, zero());
      add(weeks.get(week)!, r);
    }
  }
  return {
    from: q.from,
    to: q.to,
    today: q.today,
    workers: [...workers.values()],
    days: [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, c]) => ({ date, ...c })),
    weeks: [...weeks.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([week, c]) => ({ week, ...c })),
  };
}

function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const wd = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
  return new Date(d.getTime() - (wd - 1) * 86_400_000).toISOString().slice(0, 10);
}
