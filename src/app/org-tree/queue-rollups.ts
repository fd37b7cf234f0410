// Queues one org-rollup job per county of a subtree (decision 1911): each
// county's figures are their own job, so the runner's per-org fairness keeps
// a large county from holding up the others.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { countiesUnder } from '../../domain/org-tree/org-tree.js';
import { loadOrgTree } from './org-tree-queries.js';

export async function countiesToRefresh(db: Db, rootId: number | null): Promise<number[]> {
  const tree = await loadOrgTree(db, true);
  const roots = rootId === null ? [...tree.nodes.values()].filter((n) => n.parentId === null) : [tree.nodes.get(rootId)!];
  return roots.flatMap((r) => countiesUnder(tree, r.orgId).map((c) => c.orgId));
}

/** Every county of the database: an org that is not a province or city company (one with no tree row is a county on its own). */
export async function findCountyOrgIds(db: Db): Promise<number[]> {
  return (
    await query<{ id: number }>(db, sql`select o.id from orgs o where not exists (select 1 from org_units u where u.org_id = o.id and u.level <> 'county') order by o.id`)
  ).map((r) => r.id);
}
