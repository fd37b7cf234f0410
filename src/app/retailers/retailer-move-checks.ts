// Why a shop cannot move to another county now (decision 1902, 1921): one list
// that the move throws the first of and the move screen's preview shows whole.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { MessageCode } from '../../shared/messages.js';
import { BLOCKING, type MoveKeys } from './retailer-move-plan.js';

export type MoveRefusal = { code: MessageCode; field?: string; products?: string[] };
export type MoveTarget = { station: number; worker: number | null };

/** Refusals that do not depend on where the shop goes: what it hosts or takes part in at home. */
export async function findHomeRefusals(tx: Db, keys: MoveKeys): Promise<MoveRefusal[]> {
  const out: MoveRefusal[] = [];
  for (const b of BLOCKING) {
    if (out.some((o) => o.code === b.code)) continue;
    const [r] = await query<{ n: number }>(tx, sql`select count(*)::int as n from ${b.table} s where s.org_id = ${keys.from} and ${b.rows(keys)}`);
    if (r!.n > 0) out.push({ code: b.code });
  }
  return out;
}

/** Refusals of one target: the county already has the code or licence, or lacks a product of the shop's history. */
export async function findTargetRefusals(
  tx: Db,
  keys: MoveKeys,
  shop: { customerCode: string; licenceNo: string },
  toOrgId: number,
): Promise<MoveRefusal[]> {
  const out: MoveRefusal[] = [];
  const [dup] = await query<{ code: boolean; licence: boolean }>(
    tx,
    sql`select bool_or(customer_code = ${shop.customerCode}) as code, bool_or(licence_no = ${shop.licenceNo}) as licence
      from retailers where org_id = ${toOrgId} and (customer_code = ${shop.customerCode} or licence_no = ${shop.licenceNo})`,
  );
  if (dup?.code) out.push({ code: 'duplicate_code', field: 'customerCode' });
  if (dup?.licence) out.push({ code: 'duplicate_licence', field: 'licenceNo' });
  const { from, retailerId } = keys;
  const missing = await query<{ code: string }>(
    tx,
    sql`select distinct p.code from products p where p.org_id = ${from} and p.id in (
        select product_id from order_lines where org_id = ${from} and order_id in (select id from orders where org_id = ${from} and retailer_id = ${retailerId})
        union select product_id from emergency_requests where org_id = ${from} and retailer_id = ${retailerId}
        union select replacement_product_id from order_corrections where org_id = ${from} and replacement_product_id is not null
          and order_line_id in (select id from order_lines where org_id = ${from} and order_id in (select id from orders where org_id = ${from} and retailer_id = ${retailerId})))
      and not exists (select 1 from products q where q.org_id = ${toOrgId} and q.code = p.code)
      order by p.code`,
  );
  if (missing.length) out.push({ code: 'move_products_missing', products: missing.map((m) => m.code) });
  return out;
}
