// Onboardings in the viewer's scope (by the grid the shop lies in) with each
// step's state and deadline, the milestones taken from the orders, and the
// per-step figures of the dashboard.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { gridScope } from '../../db/scope.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { addWorkingDays, localDateOf, type WorkingCalendar } from '../../domain/calendar/working-time.js';
import { ONBOARDING_CHAIN, median, percentile, stepState, workingDaysTaken } from '../../domain/onboarding/onboarding-chain.js';
import type { OnboardingItem, OnboardingStats, OnboardingStep, StepOwner } from '../../shared/onboarding.js';
import { loadWorkingCalendar } from '../calendar/load-working-calendar.js';
import { mayComplete } from './complete-onboarding-step.js';

type Head = {
  id: number;
  licenceNo: string;
  shopName: string;
  address: string;
  gridId: number;
  gridName: string;
  workerId: number | null;
  stationId: number | null;
  retailerId: number | null;
  licensedAt: string;
  finishedAt: string | null;
  firstOrderOn: string | null;
};
type StepRow = {
  onboardingId: number;
  step: OnboardingStep;
  seq: number;
  owner: StepOwner;
  ownerName: string | null;
  workingDays: number;
  startedAt: string | null;
  warnAt: string | null;
  dueAt: string | null;
  completedAt: string | null;
  detail: Record<string, unknown>;
};

const d = (s: string | null) => (s === null ? null : new Date(s));

export async function findOnboardings(db: Db, viewer: Viewer, status: 'open' | 'finished' | 'all', now: Date): Promise<OnboardingItem[]> {
  const which = status === 'open' ? sql`o.finished_at is null` : status === 'finished' ? sql`o.finished_at is not null` : sql`true`;
  const heads = await query<Head>(
    db,
    sql`select o.id, o.licence_no as "licenceNo", o.shop_name as "shopName", o.address, o.grid_id as "gridId", g.name as "gridName",
        g.worker_id as "workerId", g.station_id as "stationId", o.retailer_id as "retailerId", o.licensed_at as "licensedAt", o.finished_at as "finishedAt",
        (select to_char(min(x.order_date), 'YYYY-MM-DD') from orders x where x.org_id = o.org_id and x.retailer_id = o.retailer_id
           and x.status = 'confirmed' and x.order_date >= (
             select (c.completed_at at time zone 'Asia/Shanghai')::date from onboarding_steps c
             where c.org_id = o.org_id and c.onboarding_id = o.id and c.step = 'customer_entered')) as "firstOrderOn"
      from onboardings o join grids g on g.org_id = o.org_id and g.id = o.grid_id
      where o.org_id = ${viewer.orgId} and ${gridScope(viewer)} and ${which}
      order by o.finished_at is not null, o.licensed_at desc, o.id desc limit 500`,
  );
  if (heads.length === 0) return [];
  const steps = await query<StepRow>(
    db,
    sql`select s.onboarding_id as "onboardingId", s.step, s.seq, s.owner_role as owner, u.display_name as "ownerName", s.working_days as "workingDays",
        s.started_at as "startedAt", s.warn_at as "warnAt", s.due_at as "dueAt", s.completed_at as "completedAt", s.detail
      from onboarding_steps s left join users u on u.org_id = s.org_id and u.id = s.owner_user_id
      where s.org_id = ${viewer.orgId} and s.onboarding_id in (${sql.join(
        heads.map((h) => sql`${h.id}`),
        sql`, `,
      )}) order by s.onboarding_id, s.seq`,
  );
  const cal = await loadWorkingCalendar(db, viewer.orgId);
  const byId = new Map<number, StepRow[]>();
  for (const s of steps) byId.set(s.onboardingId, [...(byId.get(s.onboardingId) ?? []), s]);
  return heads.map((h) => ({
    id: h.id,
    licenceNo: h.licenceNo,
    shopName: h.shopName,
    address: h.address,
    gridId: h.gridId,
    gridName: h.gridName,
    retailerId: h.retailerId,
    licensedAt: h.licensedAt,
    finishedAt: h.finishedAt,
    firstOrderOn: h.firstOrderOn,
    firstDeliveryOn: firstDelivery(cal, h.firstOrderOn, now),
    steps: (byId.get(h.id) ?? []).map((s) => {
      const times = { startedAt: d(s.startedAt), warnAt: d(s.warnAt), dueAt: d(s.dueAt), completedAt: d(s.completedAt) };
      const state = stepState(times, now);
      return {
        step: s.step,
        seq: s.seq,
        owner: s.owner,
        ownerName: s.ownerName,
        workingDays: s.workingDays,
        state,
        startedAt: s.startedAt,
        warnAt: s.warnAt,
        dueAt: s.dueAt,
        completedAt: s.completedAt,
        daysTaken: times.startedAt ? Math.max(0, workingDaysTaken(cal, times.startedAt, times.completedAt ?? now)) : null,
        detail: s.detail ?? {},
        canComplete: times.startedAt !== null && times.completedAt === null && mayComplete(viewer, s.owner, h),
      };
    }),
  }));
}

/**
 * Deliveries go out on the working day after the order day (the demo's
 * cycle), so the first delivery is that day once it has come; orders have no
 * delivery record of their own yet.
 */
function firstDelivery(cal: WorkingCalendar, firstOrderOn: string | null, now: Date): string | null {
  if (!firstOrderOn) return null;
  const day = localDateOf(addWorkingDays(cal, new Date(`${firstOrderOn}T12:00:00+08:00`), 1));
  return day <= localDateOf(now) ? day : null;
}

export async function onboardingStats(db: Db, viewer: Viewer): Promise<OnboardingStats> {
  const rows = await query<{ step: OnboardingStep; startedAt: string; dueAt: string; completedAt: string }>(
    db,
    sql`select s.step, s.started_at as "startedAt", s.due_at as "dueAt", s.completed_at as "completedAt"
      from onboarding_steps s join onboardings o on o.org_id = s.org_id and o.id = s.onboarding_id join grids g on g.org_id = o.org_id and g.id = o.grid_id
      where s.org_id = ${viewer.orgId} and ${gridScope(viewer)} and s.completed_at is not null and s.started_at is not null`,
  );
  const [counts] = await query<{ open: number; finished: number }>(
    db,
    sql`select count(*) filter (where o.finished_at is null)::int as open, count(*) filter (where o.finished_at is not null)::int as finished
      from onboardings o join grids g on g.org_id = o.org_id and g.id = o.grid_id where o.org_id = ${viewer.orgId} and ${gridScope(viewer)}`,
  );
  const cal = await loadWorkingCalendar(db, viewer.orgId);
  return {
    open: counts.open,
    finished: counts.finished,
    steps: ONBOARDING_CHAIN.map((def) => {
      const mine = rows.filter((r) => r.step === def.step);
      const days = mine.map((r) => workingDaysTaken(cal, new Date(r.startedAt), new Date(r.completedAt)));
      return {
        step: def.step,
        workingDays: def.workingDays,
        done: mine.length,
        late: mine.filter((r) => new Date(r.completedAt) > new Date(r.dueAt)).length,
        medianDays: median(days),
        p90Days: percentile(days, 90),
      };
    }),
  };
}
