// Rules a province or city sets for its counties (decisions 1912, 1927):
// rating scheme, tier shares, complaint policy. Each org may keep versions of a
// kind; the one in force for a county is the nearest one on the way up,
// unless an org above said its rule may not be overridden. A county's own
// rating scheme and complaint policy are the ones its own screens save
// (`rating_schemes`, `desk_policies`), so the county level of those two kinds
// is read from there; everything above from `org_rules`. The rating batch, the
// desk and the rules screen all ask `ruleInForceFor`.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { pathUp, ruleInForce, type OrgNode } from '../../domain/org-tree/org-tree.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import type { OrgRuleInForce } from '../../shared/org-tree.js';
import { writeAudit } from '../audit/audit.js';
import { loadOrgTree } from './org-tree-queries.js';
import { checkOrgRuleBody } from './org-rule-bodies.js';

export type Kind = OrgRuleInForce['kind'];
type RuleRow = { orgId: number; version: number; overridable: boolean; body: Record<string, unknown> };
export type RuleInForce = NonNullable<OrgRuleInForce['inForce']>;

/** Kinds whose county level is the county's own screen, not `org_rules`. */
export const COUNTY_STORED_KINDS: readonly Kind[] = ['rating_scheme', 'complaint_policy'];

/** The version the default rating scheme is saved under on first use: not a county's own choice. */
const DEFAULT_SCHEME_NOTE = '默认方案 default scheme';

/** The org whose rules a viewer reads and sets: their company at home, else their county. */
const ruleOrgOf = (viewer: Viewer) => viewer.regional?.countyId ?? viewer.regional?.homeOrgId ?? viewer.orgId;

async function latestOnPath(db: Db, orgIds: number[], kind: Kind): Promise<Map<number, RuleRow>> {
  if (orgIds.length === 0) return new Map();
  const rows = await query<RuleRow>(
    db,
    sql`select distinct on (org_id) org_id as "orgId", version, overridable, body from org_rules
        where kind = ${kind} and org_id in (${sql.join(orgIds.map((id) => sql`${id}`), sql`, `)})
        order by org_id, version desc`,
  );
  return new Map(rows.map((r) => [r.orgId, r]));
}

/**
 * A county's own rule of a kind it saves on its own screen: its latest rating scheme (not the default saved on
 * first use), its latest complaint policy (not a copy of a rule from above, decision 1927). Its version is the
 * number of own versions so far, as `org_rules` counts them.
 */
async function countyOwnRule(db: Db, orgId: number, kind: Kind): Promise<RuleRow | null> {
  if (kind === 'rating_scheme') {
    const [row] = await query<{ body: Record<string, unknown>; n: number }>(
      db,
      sql`select scheme as body, count(*) over ()::int as n from rating_schemes
          where org_id = ${orgId} and note <> ${DEFAULT_SCHEME_NOTE} order by id desc limit 1`,
    );
    return row ? { orgId, version: row.n, overridable: true, body: row.body } : null;
  }
  if (kind === 'complaint_policy') {
    const [row] = await query<{ body: Record<string, unknown>; version: number }>(
      db,
      sql`select rules as body, version from desk_policies
          where org_id = ${orgId} and rules->'inheritedFrom' is null order by version desc limit 1`,
    );
    return row ? { orgId, version: row.version, overridable: true, body: row.body } : null;
  }
  return null;
}

/** The rule of `kind` in force for an org, with where it comes from; null when no org on the way up has one. */
export async function ruleInForceFor(db: Db, orgId: number, kind: Kind): Promise<(RuleInForce & { from: OrgNode }) | null> {
  const tree = await loadOrgTree(db);
  const path = pathUp(tree, orgId);
  const self = tree.nodes.get(orgId);
  const ownStored = self?.level === 'county' && COUNTY_STORED_KINDS.includes(kind);
  const rules = await latestOnPath(db, path.filter((n) => !(ownStored && n.orgId === orgId)).map((n) => n.orgId), kind);
  if (ownStored) {
    const own = await countyOwnRule(db, orgId, kind);
    if (own) rules.set(orgId, own);
  }
  const found = ruleInForce(tree, orgId, rules);
  if (!found) return null;
  return {
    from: found.from,
    orgId: found.from.orgId,
    orgName: found.from.name,
    level: found.from.level,
    version: found.rule.version,
    overridable: found.rule.overridable,
    body: found.rule.body,
    overrides: found.overriddenFrom?.name ?? null,
  };
}

/** The rule a county may not override: the first locked one from the top, if any org above the county has one. */
export async function lockedRuleAbove(db: Db, orgId: number, kind: Kind): Promise<RuleInForce | null> {
  const found = await ruleInForceFor(db, orgId, kind);
  return found && found.orgId !== orgId && !found.overridable ? found : null;
}

export async function findRuleInForce(db: Db, viewer: Viewer, kind: Kind): Promise<OrgRuleInForce> {
  const found = await ruleInForceFor(db, ruleOrgOf(viewer), kind);
  if (!found) return { kind, inForce: null };
  const { from: _from, ...inForce } = found;
  return { kind, inForce };
}

/** A rating scheme of an org above `orgId` saved under this version: what a county's run under an inherited scheme reads back. */
export async function findRatingSchemeAbove(db: Db, orgId: number, version: string): Promise<Record<string, unknown> | null> {
  const above = pathUp(await loadOrgTree(db), orgId).slice(1);
  if (!above.length) return null;
  const [row] = await query<{ body: Record<string, unknown> }>(
    db,
    sql`select body from org_rules where kind = 'rating_scheme' and body->>'version' = ${version}
        and org_id in (${sql.join(above.map((n) => sql`${n.orgId}`), sql`, `)}) order by version desc limit 1`,
  );
  return row?.body ?? null;
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
  // A county's own scheme and policy are saved on its own screens, where the scheme's checks and the policy's handlers are.
  if (tree.nodes.get(orgId)?.level === 'county' && COUNTY_STORED_KINDS.includes(kind)) throw new AppError('org_rule_county_screen');
  await checkOrgRuleBody(db, tree, orgId, kind, input.body);
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
