// One case with everything a handler needs beside it: its events, 回访 and
// rewards, who it may go to, what the viewer may do, and the linked records
// of its category — for supply the shop's tier and limits with the
// allocation's plain-language reason and what shops of the same tier got,
// for delivery and ordering the recent orders and their lines, for
// settlement the deduction records.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { caseScope, caseWorkScope } from '../../db/desk-scope.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { can } from '../../domain/access/permissions.js';
import { AppError } from '../../shared/app-error.js';
import type { CaseDetail, LinkedRecords } from '../../shared/desk.js';
import { explainLimit } from '../../domain/allocation/explain-limit.js';
import type { Market } from '../../domain/allocation/types.js';
import { caseColumns, caseFrom } from './find-cases.js';
import { photoSeqs } from './case-photos.js';

type Detail = CaseDetail;

export async function getCaseDetail(db: Db, viewer: Viewer, id: number, now: Date): Promise<Detail> {
  const [c] = await query<Detail['case'] & { workable: boolean; gridId: number | null }>(
    db,
    sql`select ${caseColumns(now)}, ${photoSeqs('c')} as photos, c.subject_user_id as "subjectUserId", c.forward_ref as "forwardRef", c.valid, c.version, c.grid_id as "gridId",
        (${caseWorkScope(viewer)}) as workable
      ${caseFrom} where c.id = ${id} and ${caseScope(viewer)}`,
  );
  if (!c) throw new AppError('not_found');
  const events = await query<Detail['events'][number]>(
    db,
    sql`select e.id, e.type, u.display_name as "byName", e.text, e.detail, e.to_retailer as "toRetailer", e.at
      from desk_case_events e left join users u on u.org_id = e.org_id and u.id = e.by_user_id where e.case_id = ${id} and e.org_id = ${viewer.orgId} order by e.at, e.id`,
  );
  const surveys = await query<Detail['surveys'][number]>(db, sql`select id, result, channel, note, late, at from desk_surveys where case_id = ${id} and org_id = ${viewer.orgId} order by at`);
  const rewards = await query<Detail['rewards'][number]>(
    db,
    sql`select w.id, w.case_id as "caseId", w.retailer_id as "retailerId", r.shop_name as "shopName", w.kind, w.description, w.amount, w.status,
        w.proposed_at as "proposedAt", w.decided_at as "decidedAt", w.given_at as "givenAt"
      from desk_rewards w join retailers r on r.org_id = w.org_id and r.id = w.retailer_id where w.case_id = ${id} and w.org_id = ${viewer.orgId} order by w.id`,
  );
  const reassign = c.workable && can(viewer.role, 'desk.assign');
  const handlers = reassign
    ? await query<{ id: number; name: string; role: string }>(
        db,
        sql`select u.id, u.display_name as name, u.role from users u where u.org_id = ${viewer.orgId} and u.active
          and u.role in ('county_manager', 'station_head', 'grid_worker')
          and (u.role = 'county_manager' or u.station_id = ${c.stationId ?? -1}) and u.id is distinct from ${c.subjectUserId}
          order by u.role, u.display_name`,
      )
    : [];
  const { workable, gridId: _g, ...rest } = c;
  return {
    case: rest,
    events,
    surveys,
    rewards,
    linked: viewer.role === 'retailer' ? null : await linkedRecords(db, viewer, c.category, c.retailerId, now),
    handlers,
    can: {
      work: workable && can(viewer.role, 'desk.work') && c.status !== 'closed',
      survey: can(viewer.role, 'desk.survey') && c.surveyPending && c.handlerId !== viewer.userId,
      reassign: reassign && c.status !== 'closed',
      reward: can(viewer.role, 'desk.reward') && c.kind === 'complaint' && c.valid === true,
    },
  };
}

async function linkedRecords(db: Db, viewer: Viewer, category: string, retailerId: number, now: Date): Promise<LinkedRecords> {
  const [retailer] = await query<LinkedRecords['retailer']>(
    db,
    sql`select r.tier, r.star, r.class_code as "classCode", r.network, g.name as "gridName", u.display_name as "workerName"
      from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id left join users u on u.org_id = g.org_id and u.id = g.worker_id where r.id = ${retailerId} and r.org_id = ${viewer.orgId}`,
  );
  let allocation: LinkedRecords['allocation'] = null;
  let orders: LinkedRecords['orders'] = null;
  let deductions: LinkedRecords['deductions'] = null;
  if (category === 'supply') allocation = await allocationOf(db, viewer.orgId, retailerId, retailer.tier, retailer.network, now);
  if (category === 'delivery' || category === 'ordering' || category === 'packaging') {
    const found = await query<Omit<NonNullable<LinkedRecords['orders']>[number], 'lines'>>(
      db,
      sql`select o.id::int4 as id, o.order_date::text as "orderDate", o.channel, o.total_qty as "totalQty", o.total_amount::float8 as "totalAmount", o.settlement_status as "settlementStatus"
        from orders o where o.retailer_id = ${retailerId} and o.org_id = ${viewer.orgId} and o.status = 'confirmed' order by o.order_date desc, o.id desc limit 3`,
    );
    const lines = found.length
      ? await query<{ orderId: number; productName: string; orderedQty: number }>(
          db,
          sql`select l.order_id::int4 as "orderId", p.name as "productName", l.ordered_qty as "orderedQty" from order_lines l join products p on p.org_id = l.org_id and p.id = l.product_id
            where l.order_id in (${sql.join(found.map((o) => sql`${o.id}`), sql`, `)}) and l.ordered_qty > 0 order by p.code`,
        )
      : [];
    orders = found.map((o) => ({ ...o, lines: lines.filter((l) => l.orderId === o.id).map(({ productName, orderedQty }) => ({ productName, orderedQty })) }));
  }
  if (category === 'settlement') {
    deductions = await query<NonNullable<LinkedRecords['deductions']>[number]>(
      db,
      sql`select a.order_id::int4 as "orderId", o.order_date::text as "orderDate", a.status, a.amount::float8 as amount, a.failure_reason as "failureReason", a.at
        from settlement_attempts a join orders o on o.org_id = a.org_id and o.id = a.order_id where o.retailer_id = ${retailerId} and a.org_id = ${viewer.orgId} order by a.at desc limit 10`,
    );
  }
  return { retailer, allocation, orders, deductions };
}

/**
 * The shop's scarce-brand limits in the latest published supply plan of this
 * week or before, each with the allocation's plain-language reason (the same
 * explanation the order screens give) and what the other shops of its tier
 * and market were allowed.
 */
async function allocationOf(db: Db, orgId: number, retailerId: number, tier: number, network: string, now: Date): Promise<LinkedRecords['allocation']> {
  const [plan] = await query<{ id: number; weekStart: string }>(
    db,
    sql`select id, week_start::text as "weekStart" from supply_plans where org_id = ${orgId} and status = 'published' and week_start <= ${now.toISOString().slice(0, 10)}::date
      order by week_start desc limit 1`,
  );
  if (!plan) return { weekStart: null, lines: [] };
  const rows = await query<{
    name: string; supplyQty: number; urbanWeight: number; ruralWeight: number; capQty: number; quotaQty: number; limitQty: number;
    extraQty: number; extraSegment: string | null; lowestServedTier: number | null; sameTierAvg: number | null; sameTierShops: number;
  }>(
    db,
    sql`select p.name, i.supply_qty as "supplyQty", coalesce(i.urban_weight, 1)::float8 as "urbanWeight", coalesce(i.rural_weight, 1)::float8 as "ruralWeight",
        l.cap_qty as "capQty", l.quota_qty as "quotaQty", l.limit_qty as "limitQty", l.extra_qty as "extraQty", l.extra_segment as "extraSegment",
        (select min(q.tier) from allocation_quotas q where q.plan_id = i.plan_id and q.product_id = p.id and q.network = ${network} and q.quota > 0) as "lowestServedTier",
        t.avg as "sameTierAvg", coalesce(t.shops, 0) as "sameTierShops"
      from supply_plan_items i join products p on p.org_id = i.org_id and p.id = i.product_id
      join order_limits l on l.plan_id = i.plan_id and l.product_id = i.product_id and l.retailer_id = ${retailerId}
      left join lateral (select round(avg(o.limit_qty)::numeric, 1)::float8 as avg, count(*)::int as shops from order_limits o join retailers r on r.org_id = o.org_id and r.id = o.retailer_id
        where o.plan_id = i.plan_id and o.product_id = i.product_id and r.tier = ${tier} and r.network = ${network} and o.retailer_id <> ${retailerId}) t on true
      where i.plan_id = ${plan.id} and i.scarce order by p.price_class, p.code`,
  );
  return {
    weekStart: plan.weekStart,
    lines: rows.map((p) => ({
      productName: p.name,
      limitQty: p.limitQty,
      sameTierAvg: p.sameTierAvg,
      sameTierShops: p.sameTierShops,
      reason: explainLimit({
        productName: p.name,
        supplyQty: p.supplyQty,
        tier,
        market: network as Market,
        quota: p.quotaQty,
        cap: p.capQty,
        limit: p.limitQty,
        lowestServedTier: p.lowestServedTier,
        urbanWeight: p.urbanWeight,
        ruralWeight: p.ruralWeight,
        extra: p.extraQty,
        extraSegment: p.extraSegment,
      }),
    })),
  };
}
