// The old county's view of a shop that moved away (decision 1902): read-only.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';

export type RetailerForward = { retailerId: number; shopName: string; toOrgId: number; toOrgName: string; toRetailerId: number; movedAt: string; reason: string };

export async function findRetailerForward(db: Db, orgId: number, retailerId: number): Promise<RetailerForward | undefined> {
  const [row] = await query<RetailerForward>(
    db,
    sql`select f.retailer_id as "retailerId", f.shop_name as "shopName", f.to_org_id as "toOrgId", o.name as "toOrgName",
        f.to_retailer_id as "toRetailerId", to_char(f.moved_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as "movedAt", f.reason
      from retailer_forwards f join orgs o on o.id = f.to_org_id
      where f.org_id = ${orgId} and f.retailer_id = ${retailerId}`,
  );
  return row;
}
