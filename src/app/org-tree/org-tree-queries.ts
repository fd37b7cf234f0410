// Reading the org tree (decision 1910). The tree is a small dictionary (a
// province has ~120 orgs), read whole and kept for a few seconds per process.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { buildOrgTree, pathUp, subtreeOf, type OrgNode, type OrgTree } from '../../domain/org-tree/org-tree.js';
import type { Viewer } from '../../domain/access/viewer.js';
import type { OrgTreeView } from '../../shared/org-tree.js';

let cached: { tree: OrgTree; until: number; db: Db } | null = null;
const TTL_MS = 10_000;

/** Every org with its parent and level; an org without an org_units row is a county on its own. */
export async function loadOrgTree(db: Db, fresh = false): Promise<OrgTree> {
  const now = performance.now();
  if (!fresh && cached && cached.db === db && cached.until > now) return cached.tree;
  const rows = await query<OrgNode>(
    db,
    sql`select o.id as "orgId", u.parent_id as "parentId", coalesce(u.level, 'county') as level, o.name, o.code
        from orgs o left join org_units u on u.org_id = o.id order by o.code`,
  );
  const tree = buildOrgTree(rows);
  cached = { tree, until: now + TTL_MS, db };
  return tree;
}

/** Forget the cached tree (after the tree itself changed: the demo, a test). */
export function forgetOrgTree() {
  cached = null;
}

/** The viewer's home org, what is above it and everything below it. */
export async function findOrgTreeView(db: Db, viewer: Viewer): Promise<OrgTreeView> {
  const tree = await loadOrgTree(db);
  const homeId = viewer.regional?.homeOrgId ?? viewer.orgId;
  const home = tree.nodes.get(homeId)!;
  const above = pathUp(tree, homeId).slice(1);
  const below = viewer.regional ? subtreeOf(tree, homeId) : [home];
  const drilled = viewer.regional?.countyId ? (tree.nodes.get(viewer.regional.countyId) ?? null) : null;
  return { home, drilledInto: drilled, nodes: [...above.reverse(), ...below] };
}
