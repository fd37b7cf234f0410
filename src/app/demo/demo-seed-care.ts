// Demo care (issue 16 items 6–9): a register of special-group shops (one
// proof expired, one re-check due), the nightly care run of the demo day
// (overdue task, calendar visits, anniversary greetings), a flood seven weeks
// ago in recovery — its shops contacted, help given, the month frozen — and
// community activities on the shops' files. In the demo as started (`dip`)
// the flood also takes the affected shops' orders down after the event, so
// the curve shows the dip and the climb back; test counties keep their orders.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { addDays } from '../../domain/care/recovery.js';
import { nextBirthday } from '../../domain/retailers/birthday.js';
import { createActivity } from '../care/activities.js';
import { localDate } from '../care/care-dates.js';
import { generateCareTasks } from '../care/care-tasks.js';
import { closeRecoveredDisasters } from '../care/disaster-recovery.js';
import { addHelp, freezeDisasterMonths, recordContact } from '../care/disaster-work.js';
import { createDisaster } from '../care/disasters.js';
import { createSpecialGroup } from '../care/special-groups.js';

/** A 1×1 PNG standing in for a certificate or activity photo. */
const PHOTO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const REGISTER = [
  { kind: 'elderly_alone', authority: '醴陵市民政局', grade: null },
  { kind: 'disabled', authority: '醴陵市残疾人联合会', grade: 2 },
  { kind: 'martyr', authority: '醴陵市退役军人事务局', grade: null },
  { kind: 'wubao', authority: '醴陵市民政局', grade: null },
  { kind: 'dibao', authority: '醴陵市民政局', grade: null },
  { kind: 'disabled', authority: '醴陵市残疾人联合会', grade: 3 },
  { kind: 'elderly_alone', authority: '醴陵市民政局', grade: null },
] as const;

/** Share of the affected shops' orders removed in each week from the event (the demo's flood). */
const DIP = [0.9, 0.7, 0.55, 0.45, 0.35, 0.3, 0.25];

export async function seedDemoCare(db: Db, orgId: number, today: Date, opts: { dip: boolean }): Promise<void> {
  const day = localDate(today);
  const [manager] = await query<Viewer>(db, sql`select id as "userId", org_id as "orgId", role, username, display_name as "displayName", station_id as "stationId", retailer_id as "retailerId"
    from users where org_id = ${orgId} and role = 'county_manager' order by id limit 1`);
  const [station] = await query<{ id: number }>(db, sql`select id from users where org_id = ${orgId} and role = 'station_head' order by id limit 1`);
  if (!manager || !station) return;

  // The register: shops with a birthday in the next days first, so the calendar has visits on the demo day.
  const shops = await query<{ id: number; birthday: string | null; cal: string; workerId: number | null }>(
    db,
    sql`select r.id, r.birthday, r.birthday_calendar as cal, g.worker_id as "workerId" from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id
      where r.org_id = ${orgId} and r.status = 'active' order by md5(r.id::text)`,
  );
  const soon = (s: (typeof shops)[number]) => {
    const b = nextBirthday(s.birthday, s.cal, new Date(`${day}T00:00:00Z`));
    return b !== null && b <= addDays(day, 10);
  };
  const chosen = [...shops.filter(soon).slice(0, 3), ...shops.filter((s) => !soon(s)).slice(0, REGISTER.length - 3)];
  for (const [i, r] of REGISTER.entries()) {
    const shop = chosen[i];
    if (!shop) break;
    // The second record's proof ran out last week (the overdue task); the third is re-checked this week.
    const validUntil = i === 1 ? addDays(day, -6) : addDays(day, 300 + i * 30);
    const recheckOn = i === 1 ? addDays(day, -20) : i === 2 ? addDays(day, 3) : addDays(day, 240 + i * 30);
    await createSpecialGroup(db, manager, { retailerId: shop.id, kind: r.kind, disabilityGrade: r.grade, authority: r.authority, documentNo: `证 ${4302810 + i}`, photo: PHOTO, validUntil, recheckOn, note: '' }, today);
  }

  // The flood: seven weeks ago, around the busiest grid's shops.
  const [centre] = await query<{ lat: number; lng: number }>(
    db,
    sql`select avg(r.lat)::float8 as lat, avg(r.lng)::float8 as lng from retailers r where r.grid_id = (
      select grid_id from retailers where org_id = ${orgId} and status = 'active' group by grid_id order by count(*) desc, grid_id limit 1)`,
  );
  const occurredOn = addDays(day, -7 * 7 + 2);
  const d = 0.025;
  const ring: [number, number][] = [[centre.lng - d, centre.lat - d], [centre.lng + d, centre.lat - d * 0.8], [centre.lng + d * 1.1, centre.lat + d], [centre.lng - d * 0.9, centre.lat + d * 1.1]];
  const flood = await createDisaster(db, manager, { name: `${occurredOn.slice(5, 7)}月暴雨洪涝`, kind: 'flood', occurredOn, area: { kind: 'polygon', ring }, recoveryLevel: 0.8 }, new Date(`${occurredOn}T02:00:00Z`)).catch(() => null);
  if (flood) {
    const affected = await query<{ retailerId: number; workerId: number | null }>(db, sql`select retailer_id as "retailerId", worker_id as "workerId" from care_disaster_shops where org_id = ${orgId} and disaster_id = ${flood.id} order by retailer_id`);
    const workers = await query<Viewer>(db, sql`select id as "userId", org_id as "orgId", role, username, display_name as "displayName", station_id as "stationId", retailer_id as "retailerId" from users where org_id = ${orgId} and role = 'grid_worker'`);
    const contactDay = new Date(`${addDays(occurredOn, 1)}T03:00:00Z`);
    for (const [i, s] of affected.entries()) {
      if (i % 5 === 4) continue; // not everyone reached yet
      const worker = workers.find((w) => w.userId === s.workerId) ?? manager;
      const damaged = i % 3 === 0;
      await recordContact(db, worker, flood.id, s.retailerId, { reached: i % 7 !== 6, safe: true, damaged, lossesYuan: damaged ? 1500 + 700 * (i % 4) : 0, lossesNote: damaged ? '店面进水，部分卷烟受潮' : '' }, contactDay);
    }
    const given = addDays(occurredOn, 3);
    const helpDay = new Date(`${given}T06:00:00Z`);
    const help = [
      { kind: 'money', amountYuan: 500, description: '受灾慰问金' },
      { kind: 'waived_fee', amountYuan: 120, description: '减免当月配送服务费' },
      { kind: 'pickup_point', amountYuan: 0, description: '村部设临时取货点，道路恢复前代收' },
      { kind: 'goods', amountYuan: 300, description: '防潮货架和防水布' },
    ] as const;
    for (const [i, h] of help.entries()) {
      const shop = affected[i * 2];
      if (shop) await addHelp(db, manager, flood.id, { retailerId: shop.retailerId, ...h, approverId: i % 2 ? manager.userId : station.id, givenOn: given }, helpDay);
    }
    await freezeDisasterMonths(db, manager, flood.id, [occurredOn.slice(0, 7)], helpDay);
    if (opts.dip) await dipOrders(db, orgId, flood.id, occurredOn);
    await closeRecoveredDisasters(db, orgId, today);
  }

  // Community activities with shops and staff.
  const staff = await query<{ id: number }>(db, sql`select id from users where org_id = ${orgId} and role in ('grid_worker', 'station_head') order by id limit 4`);
  const acts = [
    { kind: 'practical_deeds', title: '我为群众办实事：帮独居老人检修店内电路', days: -12, place: '孙家湾村' },
    { kind: 'elderly_home', title: '重阳节看望敬老院老人', days: -40, place: '醴陵市社会福利院' },
    { kind: 'volunteer', title: '零售户门店消防安全志愿宣传', days: -5, place: '城区网格' },
  ] as const;
  for (const [i, a] of acts.entries()) {
    await createActivity(db, manager, {
      kind: a.kind, title: a.title, heldOn: addDays(day, a.days), place: a.place, description: '', retailerIds: chosen.slice(i, i + 3).map((s) => s.id),
      staffIds: staff.slice(i % 2, (i % 2) + 2).map((s) => s.id), photos: [PHOTO],
    }, today);
  }

  await generateCareTasks(db, orgId, today);
}

/** The flood's effect on orders in the demo: a falling share of each week's orders after the event is taken out (with their settlement attempts; orders of a plan or with a correction stay). */
export async function dipOrders(db: Db, orgId: number, disasterId: number, occurredOn: string): Promise<void> {
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await query(tx, sql`create temp table care_dip on commit drop as
      select o.id from orders o join care_disaster_shops s on s.org_id = o.org_id and s.retailer_id = o.retailer_id and s.disaster_id = ${disasterId}
      where o.org_id = ${orgId} and o.order_date >= date_trunc('week', ${occurredOn}::date)::date
        and (abs(hashtext(o.id::text)) % 1000) < 1000 * (${JSON.stringify(DIP)}::jsonb ->> least(${DIP.length - 1}, ((o.order_date - date_trunc('week', ${occurredOn}::date)::date) / 7)::int))::float8
        and not exists (select 1 from plan_orders p where p.order_id = o.id)
        and not exists (select 1 from order_lines l join order_corrections c on c.org_id = l.org_id and c.order_line_id = l.id where l.order_id = o.id)`);
    await query(tx, sql`delete from settlement_attempts where order_id in (select id from care_dip)`);
    await query(tx, sql`delete from order_lines where order_id in (select id from care_dip)`);
    await query(tx, sql`delete from orders where id in (select id from care_dip)`);
  });
}
