// Rules a province or city sets for its counties (decision 1912): rating
// scheme, tier shares, complaint policy. Each org may keep versions of a
// kind; the one in force for a county is the nearest one on the way up,
// unless an org above said its rule may not be overridden.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { pathUp, ruleInForce } from '../../domain/org-tree/org-tree.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import type { OrgRuleInForce } from '../../shared/org-tree.js';
import { writeAudit } from '../audit/audit.js';
import { loadOrgTree } from './org-tree-queries.js';

type Kind = OrgRuleInForce['kind'];
type RuleRow = { orgId: number; version: number; overridable: boolean; body: Record<string, unknown> };

/** The org whose rules a viewer reads and sets: their company at home, else their county. */
const ruleOrgOf = (viewer: Viewer) => viewer.regional?.countyId ?? viewer.regional?.homeOrgId ?? viewer.orgId;

async function latestOnPath(db: Db, orgIds: number[], kind: Kind): Promise<Map<number, RuleRow>> {
  const rows = await query<RuleRow>(
    db,
    sql`select distinct on (org_id) org_id as "orgId", version, overridable, body from org_rules
        where kind = ${kind} and org_id in (${sql.join(orgIds.map((id) => sql`${id}`), sql`, `)})
        order by org_id, version desc`,
  );
  return new Map(rows.map((r) => [r.orgId, r]));
}

export async function findRuleInForce(db: Db, viewer: Viewer, kind: Kind): Promise<OrgRuleInForce> {
  const tree = await loadOrgTree(db);
  const orgId = ruleOrgOf(viewer);
  const path = pathUp(tree, orgId);
  const found = ruleInForce(tree, orgId, await latestOnPath(db, path.map((n) => n.orgId), kind));
  if (!found) return { kind, inForce: null };
  return {
    kind,
    inForce: {
      orgId: found.from.orgId,
      orgName: found.from.name,
      level: found.from.level,
      version: found.rule.version,
      overridable: found.rule.overridable,
      body: found.rule.body,
      overrides: found.overriddenFrom?.name ?? null,
    },
  };
}

/** A new version of the viewer's own org's rule; refused when an org above does not allow overriding it. */
export async function setOrgRule(db: Db, viewer: Viewer, kind: Kind, input: { body: Record<string, unknown>; overridable: boolean }, now: Date): Promise<OrgRuleInForce> {
  const tree = await loadOrgTree(db);
  const orgId = ruleOrgOf(viewer);
  const above = pathUp(tree, orgId).slice(1);
  if (above.length) {
    const parents = await latestOnPath(db, above.map((n) => n.orgId), kind);
    if ([...parents.values()].some((r) => !r.overridable)) throw new AppError('org_rule_not_overridable');
  }
  await db.transaction(async (tx) => {
    const [{ version }] = await query<{ version: number }>(
      tx as unknown as Db,
      sql`insert into org_rules (org_id, kind, version, body, overridable, created_by, created_at)
          select ${orgId}, ${kind}, coalesce(max(version), 0) + 1, ${JSON.stringify(input.body)}::jsonb, ${input.overridable}, ${viewer.userId}, ${now.toISOString()}::timestamptz
          from org_rules where org_id = ${orgId} and kind = ${kind}
          returning version`,
    );
    await writeAudit(tx, { orgId, userId: viewer.userId }, { action: 'create', entity: 'org_rule', entityIds: [version], detail: { kind, version, overridable: input.overridable } }, now);
  });
  return findRuleInForce(db, viewer, kind);
}
