// Care tasks: the nightly run makes them (expired proofs, re-check dates, the
// care calendar's visits, disaster contacts come with the disaster) and puts
// the visits on the worker's visit calendar; the worker marks them done.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { query, type Db } from '../../db/client.js';
import { retailerScope } from '../../db/scope.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { careOccasions, licenceAnniversaries, type CareShop } from '../../domain/care/care-calendar.js';
import { addDays } from '../../domain/care/recovery.js';
import { AppError } from '../../shared/app-error.js';
import type { careTaskSchema } from '../../shared/care.js';
import { writeAudit } from '../audit/audit.js';
import { localDate } from './care-dates.js';
import { greetLicenceAnniversaries } from './greet-anniversaries.js';

/** The calendar looks this far ahead, so a visit is on the worker's calendar before its day. */
export const CALENDAR_DAYS_AHEAD = 14;
/** A shop's proof is re-checked this many days before its re-check date. */
const RECHECK_DAYS_AHEAD = 7;

const VISIT_KINDS = sql`('birthday_visit', 'spring_festival_visit', 'proof_expired', 'recheck')`;

export type CareRunResult = { proofExpired: number; recheck: number; calendar: number; onCalendar: number; anniversaries: number };

/** The nightly care run of one org; every insert is keyed, so a rerun adds nothing. */
export async function generateCareTasks(db: Db, orgId: number, now: Date): Promise<CareRunResult> {
  const today = localDate(now);
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const proofExpired = await query(
      tx,
      sql`insert into care_tasks (org_id, kind, dedupe_key, retailer_id, assignee_id, due_on, title, special_group_id)
        select s.org_id, 'proof_expired', 'proof:' || s.id || ':' || s.valid_until, s.retailer_id, g.worker_id, ${today}::date, r.shop_name || ' 特殊群体证明已过期，请上门复核', s.id
        from care_special_groups s join retailers r on r.org_id = s.org_id and r.id = s.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
        where s.org_id = ${orgId} and s.valid_until < ${today}::date and r.status = 'active'
        on conflict (org_id, dedupe_key) do nothing returning id`,
    );
    const recheck = await query(
      tx,
      sql`insert into care_tasks (org_id, kind, dedupe_key, retailer_id, assignee_id, due_on, title, special_group_id)
        select s.org_id, 'recheck', 'recheck:' || s.id || ':' || s.recheck_on, s.retailer_id, g.worker_id, s.recheck_on, r.shop_name || ' 特殊群体到期复核', s.id
        from care_special_groups s join retailers r on r.org_id = s.org_id and r.id = s.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
        where s.org_id = ${orgId} and s.recheck_on <= ${addDays(today, RECHECK_DAYS_AHEAD)}::date and s.valid_until >= ${today}::date and r.status = 'active'
        on conflict (org_id, dedupe_key) do nothing returning id`,
    );
    const shops = await query<CareShop & { workerId: number | null }>(
      tx,
      sql`select r.id, r.shop_name as "shopName", r.birthday, r.birthday_calendar as "birthdayCalendar", to_char(r.opened_on, 'YYYY-MM-DD') as "openedOn",
          coalesce((select array_agg(s.kind) from care_special_groups s where s.org_id = r.org_id and s.retailer_id = r.id), '{}') as groups, g.worker_id as "workerId"
        from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id where r.org_id = ${orgId} and r.status = 'active'`,
    );
    const occasions = careOccasions(shops, today, CALENDAR_DAYS_AHEAD);
    const worker = new Map(shops.map((s) => [s.id, s.workerId]));
    const calendar = occasions.length
      ? await query(
          tx,
          sql`insert into care_tasks (org_id, kind, dedupe_key, retailer_id, assignee_id, due_on, title)
            select ${orgId}, o->>'kind', o->>'key', (o->>'retailerId')::int, (o->>'workerId')::int, (o->>'dueOn')::date, o->>'title'
            from jsonb_array_elements(${JSON.stringify(occasions.map((o) => ({ ...o, workerId: worker.get(o.retailerId) ?? null })))}::jsonb) o
            on conflict (org_id, dedupe_key) do nothing returning id`,
        )
      : [];
    const onCalendar = await attachToVisitCalendars(tx, orgId);
    const anniversaries = await greetLicenceAnniversaries(tx, orgId, licenceAnniversaries(shops, today), new Map(shops.map((s) => [s.id, s.shopName])), now);
    return { proofExpired: proofExpired.length, recheck: recheck.length, calendar: calendar.length, onCalendar, anniversaries };
  });
}

/**
 * Puts open visit tasks on their worker's calendar: a stop is added at the end
 * of that day when the shop is not already visited then, and the task points
 * at the day's stop for the shop. Days with no calendar yet wait for the next run.
 */
export async function attachToVisitCalendars(db: Db, orgId: number): Promise<number> {
  await query(
    db,
    sql`insert into visit_plan_stops (org_id, plan_id, worker_id, retailer_id, visit_date, seq, planned_start, service_minutes, leg_metres)
      select t.org_id, p.id, t.assignee_id, t.retailer_id, t.due_on,
        coalesce((select max(s.seq) from visit_plan_stops s where s.plan_id = p.id and s.visit_date = t.due_on), 0) + 1,
        least(1380, coalesce((select max(s.planned_start + s.service_minutes) from visit_plan_stops s where s.plan_id = p.id and s.visit_date = t.due_on), 540) + 10),
        20, 0
      from care_tasks t join visit_plans p on p.org_id = t.org_id and p.worker_id = t.assignee_id and t.due_on between p.cycle_start and p.cycle_end
      where t.org_id = ${orgId} and t.status = 'open' and t.visit_stop_id is null and t.kind in ${VISIT_KINDS}
        and not exists (select 1 from visit_plan_stops s where s.plan_id = p.id and s.visit_date = t.due_on and s.retailer_id = t.retailer_id)
      on conflict do nothing`,
  );
  const linked = await query(
    db,
    sql`update care_tasks t set visit_stop_id = s.id from visit_plan_stops s
      where t.org_id = ${orgId} and t.status = 'open' and t.visit_stop_id is null and t.kind in ${VISIT_KINDS}
        and s.org_id = t.org_id and s.worker_id = t.assignee_id and s.visit_date = t.due_on and s.retailer_id = t.retailer_id
      returning t.id`,
  );
  return linked.length;
}

type TaskRow = z.input<typeof careTaskSchema>;

export async function findCareTasks(db: Db, viewer: Viewer, filter: { status: 'open' | 'done' | 'all'; retailerId?: number }): Promise<TaskRow[]> {
  // A grid worker sees the tasks given to them; others those of the shops in their scope.
  const mine = viewer.role === 'grid_worker' ? sql`and (t.assignee_id = ${viewer.userId} or ${retailerScope(viewer)})` : sql`and ${retailerScope(viewer)}`;
  return query<TaskRow>(
    db,
    sql`select t.id, t.kind, t.retailer_id as "retailerId", r.shop_name as "shopName", u.display_name as "assigneeName", to_char(t.due_on, 'YYYY-MM-DD') as "dueOn",
        t.title, t.status, t.visit_stop_id is not null as "onCalendar", t.done_at as "doneAt"
      from care_tasks t join retailers r on r.org_id = t.org_id and r.id = t.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
      left join users u on u.org_id = t.org_id and u.id = t.assignee_id
      where t.org_id = ${viewer.orgId} ${mine}
        ${filter.status === 'all' ? sql`` : sql`and t.status = ${filter.status}`}
        ${filter.retailerId ? sql`and t.retailer_id = ${filter.retailerId}` : sql``}
      order by t.status, t.due_on, t.id limit 500`,
  );
}

export async function completeCareTask(db: Db, viewer: Viewer, id: number, note: string, now: Date): Promise<{ ok: true }> {
  const [task] = await query<{ status: string; retailerId: number; kind: string }>(
    db,
    sql`select t.status, t.retailer_id as "retailerId", t.kind from care_tasks t join retailers r on r.org_id = t.org_id and r.id = t.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
      where t.org_id = ${viewer.orgId} and t.id = ${id} and (t.assignee_id = ${viewer.userId} or ${retailerScope(viewer)})`,
  );
  if (!task) throw new AppError('not_found');
  if (task.status === 'done') throw new AppError('care_task_done');
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await query(tx, sql`update care_tasks set status = 'done', done_at = ${now.toISOString()}::timestamptz, done_by = ${viewer.userId}, note = ${note} where org_id = ${viewer.orgId} and id = ${id}`);
    await writeAudit(tx, viewer, { action: 'update', entity: 'care_task', entityIds: [task.retailerId], detail: { taskId: id, kind: task.kind, op: 'done' } }, now);
    return { ok: true as const };
  });
}

export type WorkerCareFigures = { workerId: number; name: string; tasksDone: number; contacts: number; helpEntries: number; activities: number };

/**
 * What each worker did for vulnerable and disaster-hit shops in a month
 * (YYYY-MM, Beijing time): care tasks done, disaster contacts recorded, help
 * entries recorded, community activities taken part in. For score sheets.
 */
export async function careTasksDoneByWorker(db: Db, orgId: number, month: string): Promise<WorkerCareFigures[]> {
  const from = sql`(${`${month}-01`}::date::timestamp at time zone 'Asia/Shanghai')`;
  const to = sql`((${`${month}-01`}::date + interval '1 month')::timestamp at time zone 'Asia/Shanghai')`;
  return query<WorkerCareFigures>(
    db,
    sql`select u.id as "workerId", u.display_name as name,
        (select count(*)::int from care_tasks t where t.org_id = u.org_id and t.done_by = u.id and t.done_at >= ${from} and t.done_at < ${to}) as "tasksDone",
        (select count(*)::int from care_disaster_shops s where s.org_id = u.org_id and s.contacted_by = u.id and s.contacted_at >= ${from} and s.contacted_at < ${to}) as contacts,
        (select count(*)::int from care_help h where h.org_id = u.org_id and h.created_by = u.id and h.created_at >= ${from} and h.created_at < ${to}) as "helpEntries",
        (select count(*)::int from care_activity_staff a join care_activities c on c.org_id = a.org_id and c.id = a.activity_id
          where a.org_id = u.org_id and a.user_id = u.id and c.held_on >= ${`${month}-01`}::date and c.held_on < (${`${month}-01`}::date + interval '1 month')) as activities
      from users u where u.org_id = ${orgId} and u.role in ('grid_worker', 'station_head', 'county_manager') and u.active
      order by u.id`,
  );
}
