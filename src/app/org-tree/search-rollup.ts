// Retailer search above a county (decision 1911): the same n-gram index as the
// county search, over the counties of the viewer's subtree, answering how many
// shops match in each county (up to 1,000 each) and the first 50, so the user
// drills into the county that has them. Personal fields are not searched: a
// province or city role sees phones masked.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { countiesUnder } from '../../domain/org-tree/org-tree.js';
import { indexTokens, normalizeSearchText, queryTokens } from '../../domain/retailers/search-tokens.js';
import type { Viewer } from '../../domain/access/viewer.js';
import type { RollupSearch } from '../../shared/org-tree.js';
import { loadOrgTree } from './org-tree-queries.js';

const likeEscape = (s: string) => s.replace(/[\\%_]/g, '\\$&');

export async function searchRollupRetailers(db: Db, viewer: Viewer, q: string): Promise<RollupSearch> {
  const tree = await loadOrgTree(db);
  const home = viewer.regional?.homeOrgId ?? viewer.orgId;
  const counties = countiesUnder(tree, home);
  const needle = normalizeSearchText(q);
  const tokens = queryTokens(q);
  if (!needle || !tokens.length || !counties.length) return { counties: [], items: [] };
  const pattern = `%${likeEscape(needle)}%`;
  const match = sql`r.org_id in (${sql.join(counties.map((c) => sql`${c.orgId}`), sql`, `)})
    and r.search_tokens @> ${`{${indexTokens(tokens).map((t) => `"${t.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]
    and (lower(r.shop_name) like ${pattern} or r.customer_code like ${pattern} or r.licence_no like ${pattern} or lower(r.address) like ${pattern})`;
  const perCounty = await query<{ orgId: number; matches: number }>(
    db,
    sql`select org_id as "orgId", least(count(*), 1000)::int as matches
        from (select r.org_id, row_number() over (partition by r.org_id) as n from retailers r where ${match}) m
        where n <= 1000 group by org_id order by matches desc`,
  );
  const items = await query<{ id: number; orgId: number; name: string; customerCode: string; address: string }>(
    db,
    sql`select r.id, r.org_id as "orgId", r.shop_name as name, r.customer_code as "customerCode", r.address
        from retailers r where ${match} order by r.shop_name, r.id limit 50`,
  );
  const nameOf = (id: number) => tree.nodes.get(id)?.name ?? String(id);
  const cityOf = (countyId: number) => {
    const parent = tree.nodes.get(tree.nodes.get(countyId)?.parentId ?? -1);
    return parent?.level === 'city' ? parent.name : null;
  };
  return {
    counties: perCounty.map((c) => ({ ...c, name: nameOf(c.orgId), cityName: cityOf(c.orgId) })),
    items: items.map((i) => ({ ...i, countyName: nameOf(i.orgId) })),
  };
}
