// The move screen's preview (decision 1921): where the shop can go, the chosen
// county's grids, how many rows of each table would be carried or would end,
// and every reason the move would be refused now. It reads only.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import { messages } from '../../shared/messages.js';
import type { RetailerMovePreview } from '../../shared/retailer-move.js';
import { loadOrgTree } from '../org-tree/org-tree-queries.js';
import { CARRIED, ENDED, tableName, type MoveKeys } from './retailer-move-plan.js';
import { findHomeRefusals, findTargetRefusals } from './retailer-move-checks.js';

export async function previewRetailerMove(db: Db, viewer: Viewer, retailerId: number, toOrgId: number | undefined): Promise<RetailerMovePreview> {
  const from = viewer.orgId;
  const [shop] = await query<{ customerCode: string; licenceNo: string; shopName: string }>(
    db,
    sql`select customer_code as "customerCode", licence_no as "licenceNo", shop_name as "shopName" from retailers where org_id = ${from} and id = ${retailerId}`,
  );
  if (!shop) throw new AppError('not_found');
  const tree = await loadOrgTree(db);
  const counties = [...tree.nodes.values()].filter((n) => n.level === 'county' && n.orgId !== from).map((n) => ({ orgId: n.orgId, name: n.name }));
  if (toOrgId !== undefined && !counties.some((c) => c.orgId === toOrgId)) throw new AppError('move_unknown_target', [{ field: 'toOrgId', code: 'move_unknown_target' }]);

  const [user] = await query<{ id: number }>(db, sql`select id from users where org_id = ${from} and role = 'retailer' and retailer_id = ${retailerId}`);
  const keys: MoveKeys = { from, retailerId, userId: user?.id ?? null };
  const countOf = async (steps: typeof CARRIED) => {
    const out: Record<string, number> = {};
    for (const s of steps) {
      const [r] = await query<{ n: number }>(db, sql`select count(*)::int as n from ${s.table} s where s.org_id = ${from} and ${s.rows(keys)}`);
      if (r!.n > 0) out[tableName(s.table)] = r!.n;
    }
    return out;
  };
  const refusals = await findHomeRefusals(db, keys);
  let grids: RetailerMovePreview['grids'] = [];
  if (toOrgId !== undefined) {
    refusals.push(...(await findTargetRefusals(db, keys, shop, toOrgId)));
    grids = await query<RetailerMovePreview['grids'][number]>(
      db,
      sql`select g.id, g.code, g.name, u.display_name as "workerName"
        from grids g left join users u on u.org_id = g.org_id and u.id = g.worker_id
        where g.org_id = ${toOrgId} order by g.code`,
    );
  }
  return {
    retailerId,
    shopName: shop.shopName,
    counties,
    grids,
    carried: await countOf(CARRIED),
    ended: await countOf(ENDED),
    refusals: refusals.map((r) => ({ code: r.code, message: messages[r.code].zh, messageEn: messages[r.code].en, ...(r.products ? { products: r.products } : {}) })),
  };
}
