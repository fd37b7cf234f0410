// Demo onboardings relative to the seed's today: one finished through its
// first order, and four under way — just recorded, the client manager's step
// near its deadline (in worker1's grid), marketing's step open, logistics'
// step past its deadline. Written through the use-cases with the times
// moved back, so the rows, clocks and audit entries are what real use makes.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { localDateOf, type WorkingCalendar } from '../../domain/calendar/working-time.js';
import { stepClock, stepState } from '../../domain/onboarding/onboarding-chain.js';
import type { Role } from '../../shared/codes.js';
import type { CompleteStepInput } from '../../shared/onboarding.js';
import { loadWorkingCalendar } from '../calendar/load-working-calendar.js';
import { completeOnboardingStep } from '../onboarding/complete-onboarding-step.js';
import { recordLicence } from '../onboarding/record-licence.js';
import { sweepOnboardingDeadlines } from '../onboarding/sweep-onboarding-deadlines.js';

/** `hhmm` Shanghai time on the working day `n` working days before `today` (0 = today, or the working day before when that time is still to come). */
function workingDayBefore(cal: WorkingCalendar, today: Date, n: number, hhmm: string): Date {
  let t = new Date(`${localDateOf(today)}T12:00:00+08:00`).getTime();
  let left = n;
  for (;;) {
    const day = localDateOf(t);
    if (cal.isWorkday(day)) {
      const at = new Date(`${day}T${hhmm}:00+08:00`);
      if (left === 0) {
        if (at <= today) return at;
      } else left--;
    }
    t -= 86_400_000;
  }
}

/** The latest half hour before `today` at which a step of `days` started would be in `state` now, whatever the time of day. */
function startInState(cal: WorkingCalendar, today: Date, days: number, state: 'open' | 'warning'): Date {
  const half = 30 * 60_000;
  let t = Math.floor(today.getTime() / half) * half - half;
  for (let i = 0; i < 2000; i++, t -= half) {
    if (stepState({ ...stepClock(cal, new Date(t), days), completedAt: null }, today) === state) return new Date(t);
  }
  return new Date(today.getTime() - half);
}

const STEP_INPUTS = (retailerId: number, orderWeekday: number): CompleteStepInput[] => [
  { step: 'marketing_notified', note: '专卖科已书面通知营销部' },
  {
    step: 'client_manager_setup',
    eSettlementOpened: true,
    fileCollected: true,
    shopPhotographed: true,
    proposedClass: 'CZ1',
    proposedTier: 8,
    reason: '社区便利店，面积约 40 平方米，周边同类店铺档位 7–9 档',
  },
  // The shop's own order day: entering it writes the day into the file (decision 1026), and the demo's shops keep theirs.
  { step: 'customer_entered', retailerId, orderWeekday },
  { step: 'delivery_ready', deliveryRoute: '城区 3 号线', confirmationCardNo: 'DK-2026-0137' },
];

export async function seedDemoOnboarding(db: Db, orgId: number, today: Date): Promise<void> {
  const cal = await loadWorkingCalendar(db, orgId);
  const [admin] = await query<Viewer>(
    db,
    sql`select id as "userId", org_id as "orgId", role, username, display_name as "displayName", station_id as "stationId", retailer_id as "retailerId"
      from users where org_id = ${orgId} and role = ${'admin' satisfies Role} order by id limit 1`,
  );
  const [grid1] = await query<{ id: number }>(db, sql`select g.id from grids g join users u on u.org_id = g.org_id and u.id = g.worker_id where u.username = 'worker1' order by g.id limit 1`);
  // One grid in each other station, so each station head sees a different part of the demo.
  const others = await query<{ id: number }>(
    db,
    sql`select distinct on (station_id) id from grids where org_id = ${orgId} and id <> ${grid1.id} order by station_id desc, id`,
  );
  while (others.length < 4) others.push(others[others.length - 1] ?? grid1);
  // Retailers to link: one that ordered recently (the finished chain) and one that has not ordered lately.
  const [ordered] = await query<{ id: number; first: string }>(
    db,
    sql`select retailer_id as id, to_char(min(order_date), 'YYYY-MM-DD') as first from orders
      where org_id = ${orgId} and status = 'confirmed' and order_date between ${localDateOf(today)}::date - 10 and ${localDateOf(today)}::date - 3
      group by retailer_id order by retailer_id limit 1`,
  );
  const [quiet] = await query<{ id: number }>(
    db,
    sql`select r.id from retailers r where r.org_id = ${orgId} and r.id <> ${ordered?.id ?? -1}
      and not exists (select 1 from orders o where o.retailer_id = r.id and o.order_date >= ${localDateOf(today)}::date - 30) order by r.id limit 1`,
  );

  const plans: { licenceNo: string; shopName: string; address: string; gridId: number; retailerId: number | null; times: Date[] }[] = [];
  if (ordered) {
    // Finished: licence 9 working days before its first order, each step in time.
    const firstOrder = new Date(`${ordered.first}T12:00:00+08:00`);
    plans.push({
      licenceNo: '430281900001',
      shopName: '渌江新村便民超市',
      address: '渌江新村 12 栋 1 楼',
      gridId: others[0].id,
      retailerId: ordered.id,
      // The shop's previous weekly order falls before marketing entered it, so its first order is `first`.
      times: [9, 8, 5, 4, 2].map((n, i) => workingDayBefore(cal, firstOrder, n, ['09:10', '15:20', '16:00', '10:00', '10:30'][i])),
    });
  }
  plans.push(
    { licenceNo: '430281900002', shopName: '阳三石烟酒店', address: '阳三石街道 88 号', gridId: others[1].id, retailerId: null, times: [startInState(cal, today, 2, 'open')] },
    {
      licenceNo: '430281900003',
      shopName: '左权路副食店',
      address: '左权路 17 号',
      gridId: grid1.id,
      retailerId: null,
      // The client manager's step past 75 % of its time, at whatever hour the demo starts.
      times: [workingDayBefore(cal, today, 4, '10:00'), startInState(cal, today, 3, 'warning')],
    },
    {
      licenceNo: '430281900004',
      shopName: '瓷城百货',
      address: '瓷城大道 203 号',
      gridId: others[2].id,
      retailerId: null,
      times: [5, 4, 1].map((n) => workingDayBefore(cal, today, n, '14:00')),
    },
  );
  if (quiet) {
    plans.push({
      licenceNo: '430281900005',
      shopName: '浦口便利店',
      address: '浦口镇老街 5 号',
      gridId: others[3].id,
      retailerId: quiet.id,
      times: [10, 9, 7, 6].map((n) => workingDayBefore(cal, today, n, '10:00')),
    });
  }

  for (const p of plans) {
    const [licensedAt, ...done] = p.times;
    const { id } = await recordLicence(db, admin, { licenceNo: p.licenceNo, shopName: p.shopName, address: p.address, gridId: p.gridId, licensedAt: licensedAt.toISOString() }, licensedAt);
    const [shop] = p.retailerId ? await query<{ orderWeekday: number }>(db, sql`select order_weekday as "orderWeekday" from retailers where id = ${p.retailerId}`) : [];
    const inputs = STEP_INPUTS(p.retailerId ?? 0, shop?.orderWeekday ?? 2);
    for (let i = 0; i < done.length; i++) await completeOnboardingStep(db, admin, id, inputs[i], done[i]);
  }
  await sweepOnboardingDeadlines(db, today);
}
