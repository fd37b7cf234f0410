// What the "today" home (issue 17) shows on the demo day that no other seed
// makes: for every grid worker a callback due today on one of their shops (the
// first worker also a problem raised on this morning's visit, with its photo), a
// closed complaint of their grid awaiting its 回访 today, and a shop birthday
// this week (a solar and a lunar one); for marketing, emergency-supply
// requests, a return and a reward waiting for approval.
import { eq, sql } from 'drizzle-orm';
import { Solar } from 'lunar-typescript';
import { query, type Db } from '../../db/client.js';
import { deskCaseEvents, deskCases } from '../../db/schema-desk.js';
import { localDate } from '../../domain/visits/visit-cycle.js';
import { openCase } from '../desk/open-case.js';
import { storeCasePhotos } from '../desk/case-photos.js';
import { demoCasePhoto } from './demo-case-photo.js';

const H = 3_600_000;

/** A Beijing date `days` after `today`, as a solar and as a lunar 'YYYY-MM-DD' (month and day in their calendar). */
function birthdaysIn(today: Date, days: number, year: number) {
  const d = new Date(today.getTime() + 8 * H + days * 24 * H);
  const [m, day] = [d.getUTCMonth() + 1, d.getUTCDate()];
  const lunar = Solar.fromYmd(d.getUTCFullYear(), m, day).getLunar();
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  return { solar: `${year}-${pad(m)}-${pad(day)}`, lunar: `${year}-${pad(lunar.getMonth())}-${pad(lunar.getDay())}` };
}

export async function seedDemoHome(db: Db, orgId: number, today: Date): Promise<void> {
  const workers = await query<{ workerId: number; shops: number[] }>(
    db,
    sql`select g.worker_id as "workerId", (array_agg(r.id order by md5(r.id::text)))[1:3] as shops
      from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id
      where r.org_id = ${orgId} and r.status = 'active' and g.worker_id is not null group by g.worker_id order by g.worker_id`,
  );
  const [agent] = await query<{ id: number }>(db, sql`select id from users where org_id = ${orgId} and role = 'call_agent' order by id limit 1`);
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    for (const [i, w] of workers.entries()) {
      const [a, b, c] = w.shops;
      if (!a) continue;
      // A callback the worker promised (a price question): routed to the grid's worker, due this afternoon.
      await openCase(
        tx,
        { orgId, retailerId: a, kind: 'callback', channel: 'visit', category: 'price', cause: 'price_tags', text: '上次拜访说新价签今天到，约好下午回电确认', subjectUserId: null, createdBy: w.workerId },
        new Date(today.getTime() - 2 * H),
      );
      // The first worker's visit this morning found a torn carton on the shelf: the problem raised on the visit is a case
      // with the photo taken then (decision 1023).
      if (i === 0) {
        const raised = new Date(today.getTime() - H);
        const row = await openCase(
          tx,
          { orgId, retailerId: a, kind: 'request', channel: 'visit', category: 'service', cause: 'problem', text: '拜访时发现货架上一条烟外包装破损，店主要求调换', subjectUserId: null, createdBy: w.workerId },
          raised,
        );
        await storeCasePhotos(tx, orgId, row.id, [{ contentType: 'image/png', bytes: demoCasePhoto() }], raised);
      }
      // A supply complaint of the grid (the station head handled it), closed yesterday: its 回访 is due today.
      if (b) {
        const opened = new Date(today.getTime() - 30 * H);
        const closed = new Date(today.getTime() - 20 * H);
        const row = await openCase(
          tx,
          { orgId, retailerId: b, kind: 'complaint', channel: 'phone', category: 'supply', cause: 'limit_low', text: '本周紧俏烟限量太少', subjectUserId: null, createdBy: agent?.id ?? null },
          opened,
        );
        await tx
          .update(deskCases)
          .set({ status: 'closed', milestone: 'none', firstContactAt: new Date(opened.getTime() + H), repliedAt: closed, closedAt: closed, resolution: 'explained',
            surveyDueAt: new Date(today.getTime() + 6 * H), warnAt: null, dueAt: null, countyAt: null })
          .where(eq(deskCases.id, row.id));
        await tx.insert(deskCaseEvents).values([
          { orgId, caseId: row.id, type: 'reply', byUserId: row.handlerId, text: '本周按档位投放，下周会随档位调整', toRetailer: true, at: closed },
          { orgId, caseId: row.id, type: 'close', byUserId: row.handlerId, text: '', toRetailer: true, detail: { resolution: 'explained' }, at: closed },
        ]);
      }
      // Birthdays this week: one solar in two days, one lunar (农历) in five.
      const solar = birthdaysIn(today, 2, 1968 + (i % 20));
      const lunar = birthdaysIn(today, 5, 1955 + (i % 15));
      await tx.execute(sql`update retailers set birthday = ${solar.solar}, birthday_calendar = 'solar' where id = ${a}`);
      if (c) await tx.execute(sql`update retailers set birthday = ${lunar.lunar}, birthday_calendar = 'lunar' where id = ${c}`);
    }
    // Marketing's approvals: three emergency requests for scarce brands, one return, one reward.
    await tx.execute(sql`
      insert into emergency_requests (org_id, retailer_id, product_id, qty, reason, status, requested_by, created_at)
      select ${orgId}, r.id, p.id, 2 + (row_number() over ())::int % 3, x.reason, 'pending', g.worker_id, ${new Date(today.getTime() - 3 * H).toISOString()}::timestamptz
      from (select id, grid_id, row_number() over (order by md5(id::text || 'em')) as k from retailers where org_id = ${orgId} and status = 'active') r
      join grids g on g.id = r.grid_id
      join (select id, row_number() over (order by code) as k from products where org_id = ${orgId} and scarce and active) p on p.k = r.k
      join (values (1, '周末有婚宴订货'), (2, '节前备货不足'), (3, '附近工地开工，需求增加')) as x(k, reason) on x.k = r.k
      where r.k <= 3`);
    await tx.execute(sql`
      insert into order_corrections (org_id, order_line_id, kind, qty, reason, status, requested_by, created_at)
      select ${orgId}, l.id, 'return', 1, '到货一条外包装破损', 'pending', g.worker_id, ${new Date(today.getTime() - 5 * H).toISOString()}::timestamptz
      from order_lines l join orders o on o.org_id = l.org_id and o.id = l.order_id join retailers r on r.org_id = o.org_id and r.id = o.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
      where o.org_id = ${orgId} and o.status = 'confirmed' and l.ordered_qty >= 2 and o.order_date < ${localDate(today)}::date
      order by o.order_date desc, l.id limit 1`);
    await tx.execute(sql`
      insert into desk_rewards (org_id, case_id, retailer_id, kind, description, amount, status, proposed_by, proposed_at)
      select c.org_id, c.id, c.retailer_id, 'goods', '有效投诉馈赠：打火机一盒', 1, 'proposed', c.handler_id, ${new Date(today.getTime() - 1 * H).toISOString()}::timestamptz
      from desk_cases c where c.org_id = ${orgId} and c.valid order by c.id limit 1`);
  });
}
