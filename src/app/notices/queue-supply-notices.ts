// Supply notice (货源供应告知) when a plan is published, in the publishing
// transaction: each shop with limits gets its own limits for the scarce
// brands and the plain-language reason the order page shows (explainLimit).
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { insertNotices, type NoticeInsert } from '../../db/notice-writes.js';
import { explainLimit } from '../../domain/allocation/explain-limit.js';
import type { Market } from '../../domain/allocation/types.js';
import { renderWith } from '../../domain/notices/templates.js';
import { noticeConfig } from '../../jobs/notices/notice-config.js';
import { templateInForce } from './template-store.js';

type LimitRow = {
  retailerId: number; shopName: string; tier: number; network: Market; productName: string; supplyQty: number; capQty: number; quotaQty: number;
  limitQty: number; extraQty: number; extraSegment: string | null; urbanWeight: number; ruralWeight: number; lowestServedTier: number | null;
};

export async function queueSupplyNotices(db: Db, orgId: number, planId: number, weekStart: string, publishedBy: number | null, now: Date): Promise<number> {
  const rows = await query<LimitRow>(db, sql`
    with lowest as (select product_id, network, min(tier) as tier from allocation_quotas where plan_id = ${planId} and quota > 0 group by product_id, network)
    select l.retailer_id as "retailerId", r.shop_name as "shopName", r.tier, r.network, p.name as "productName", i.supply_qty as "supplyQty",
      l.cap_qty as "capQty", l.quota_qty as "quotaQty", l.limit_qty as "limitQty", l.extra_qty as "extraQty", l.extra_segment as "extraSegment",
      i.urban_weight::float8 as "urbanWeight", i.rural_weight::float8 as "ruralWeight", lw.tier as "lowestServedTier"
    from order_limits l
    join retailers r on r.org_id = l.org_id and r.id = l.retailer_id and r.status = 'active'
    join supply_plan_items i on i.org_id = l.org_id and i.plan_id = l.plan_id and i.product_id = l.product_id and i.scarce
    join products p on p.org_id = l.org_id and p.id = l.product_id
    left join lowest lw on lw.product_id = l.product_id and lw.network = r.network
    where l.plan_id = ${planId} and l.org_id = ${orgId}
    order by l.retailer_id, p.price_class, p.code`);
  const byShop = new Map<number, LimitRow[]>();
  for (const x of rows) byShop.set(x.retailerId, [...(byShop.get(x.retailerId) ?? []), x]);
  const template = await templateInForce(db, orgId, 'supply_notice');
  const fallbackAt = new Date(now.getTime() + noticeConfig().fallbackMinutes * 60_000);
  const items: NoticeInsert[] = [...byShop].map(([retailerId, lines]) => {
    // The SMS names what the shop may order; the reasons (in the app) also say why the others are none.
    const given = lines.filter((x) => x.limitQty > 0);
    const none = lines.length - given.length;
    const limits = given.length
      ? `${given.map((x) => `${x.productName} ${x.limitQty} 条`).join('、')}${none ? `；其余 ${none} 个紧俏品规本周暂无` : ''}`
      : `本周暂无（${lines.length} 个紧俏品规）`;
    const reasons = lines
      .map((x) => `· ${explainLimit({ productName: x.productName, supplyQty: x.supplyQty, tier: x.tier, market: x.network, quota: x.quotaQty, cap: x.capQty,
        limit: x.limitQty, lowestServedTier: x.lowestServedTier, urbanWeight: x.urbanWeight, ruralWeight: x.ruralWeight, extra: x.extraQty, extraSegment: x.extraSegment }).zh}`)
      .join('\n');
    const params = { shopName: lines[0].shopName, weekStart, limits, reasons };
    const r = renderWith(template, params);
    return { orgId, retailerId, userId: null, template: 'supply_notice', templateVersion: template.version, occasion: `plan:${planId}`,
      dedupeKey: `supply_notice:${planId}:${retailerId}`, title: r.title, body: r.body, smsText: r.sms, params: { planId, weekStart, limits },
      createdBy: publishedBy, visibleAt: now, fallbackAt };
  });
  return (await insertNotices(db, items, now)).length;
}
