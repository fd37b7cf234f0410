// The org's deadline policy, versioned: saving makes a new version; a case
// keeps the version it was opened under. No saved version: the defaults.
// A province or city may set part of it for its counties (decision 1927):
// the rule in force comes from the same resolver as every rule set above
// (`ruleInForceFor`); when it is a rule from above, the county's policy with
// that rule's fields laid over it is kept as a county version marked
// `inheritedFrom` the first time a case is opened under it, so a case still
// keeps one version number and re-derives its deadline under it.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { deskPolicies } from '../../db/schema-desk.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { checkDeskPolicy, DEFAULT_DESK_POLICY } from '../../domain/desk/case-deadlines.js';
import { AppError } from '../../shared/app-error.js';
import { complaintPolicyRuleReadSchema, isCategory, type DeskPolicyRules } from '../../shared/desk.js';
import { ruleInForceFor } from '../org-tree/org-rules.js';
import { writeAudit } from '../audit/audit.js';

type Source = { orgId: number; orgName: string; level: 'province' | 'city' | 'county'; version: number; overridable: boolean; fields: string[] };
export type DeskPolicy = { version: number; rules: DeskPolicyRules; createdAt: string | null; inheritedFrom?: Omit<Source, 'orgId'> | null };
type StoredRules = DeskPolicyRules & { inheritedFrom?: Omit<Source, 'fields' | 'overridable'> };
type Row = { version: number; rules: StoredRules; createdAt: string };

const rulesOf = (r: StoredRules): DeskPolicyRules => {
  const { inheritedFrom: _marker, ...rules } = { ...DEFAULT_DESK_POLICY, ...r };
  return rules;
};
const toPolicy = (row: Row | undefined): DeskPolicy =>
  row ? { version: row.version, rules: rulesOf(row.rules), createdAt: new Date(row.createdAt).toISOString() } : { version: 0, rules: DEFAULT_DESK_POLICY, createdAt: null };

/** JSON with keys sorted, so two policies compare by content whatever order jsonb kept their keys in. */
const canonical = (v: unknown): string =>
  Array.isArray(v) ? `[${v.map(canonical).join(',')}]` : v && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}` : JSON.stringify(v ?? null);

async function latestRow(db: Db, orgId: number, which: 'own' | 'any'): Promise<Row | undefined> {
  const [row] = await query<Row>(
    db,
    sql`select version, rules, created_at as "createdAt" from desk_policies
        where org_id = ${orgId} ${which === 'own' ? sql`and rules->'inheritedFrom' is null` : sql``} order by version desc limit 1`,
  );
  return row;
}

/** The policy in force: the county's own, or (decision 1927) the county's own with the fields of a rule from above laid over it. */
async function policyInForce(db: Db, orgId: number): Promise<{ own: Row | undefined; rules: DeskPolicyRules; source: Source | null }> {
  const [found, own] = await Promise.all([ruleInForceFor(db, orgId, 'complaint_policy'), latestRow(db, orgId, 'own')]);
  const base = own ? rulesOf(own.rules) : DEFAULT_DESK_POLICY;
  if (!found || found.orgId === orgId) return { own, rules: base, source: null };
  const parsed = complaintPolicyRuleReadSchema.safeParse(found.body);
  const set = parsed.success ? parsed.data : {};
  const source = { orgId: found.orgId, orgName: found.orgName, level: found.level, version: found.version, overridable: found.overridable, fields: Object.keys(set) };
  return { own, rules: { ...base, ...set }, source };
}

/** A stored version (the one a case was opened under); without one, the policy in force and where it comes from (the screen). */
export async function getDeskPolicy(db: Db, orgId: number, version?: number): Promise<DeskPolicy> {
  if (version !== undefined) {
    const [row] = await query<Row>(db, sql`select version, rules, created_at as "createdAt" from desk_policies where org_id = ${orgId} and version = ${version}`);
    return toPolicy(row);
  }
  const { own, rules, source } = await policyInForce(db, orgId);
  if (!source) return toPolicy(own);
  const latest = await latestRow(db, orgId, 'any');
  const { orgId: _org, ...from } = source;
  return { version: latest?.version ?? 0, rules, createdAt: latest ? new Date(latest.createdAt).toISOString() : null, inheritedFrom: from };
}

/**
 * The version a new case is opened under, inside the caller's transaction: the county's own, or the kept copy of the
 * policy with the rule from above laid over it (written now if the rule or the county's own policy changed since).
 */
export async function deskPolicyForNewCase(tx: Db, orgId: number, now: Date): Promise<DeskPolicy> {
  const first = await policyInForce(tx, orgId);
  if (!first.source) return toPolicy(first.own);
  // Two cases opened at once must not both write the next version.
  await tx.execute(sql`select pg_advisory_xact_lock(5010, ${orgId})`);
  const { rules, source } = await policyInForce(tx, orgId);
  if (!source) return toPolicy(first.own);
  const latest = await latestRow(tx, orgId, 'any');
  const marker = { orgId: source.orgId, orgName: source.orgName, level: source.level, version: source.version };
  if (latest?.rules.inheritedFrom && canonical(latest.rules.inheritedFrom) === canonical(marker) && canonical(rulesOf(latest.rules)) === canonical(rules)) return toPolicy(latest);
  const version = (latest?.version ?? 0) + 1;
  await tx.insert(deskPolicies).values({ orgId, version, rules: { ...rules, inheritedFrom: marker } as DeskPolicyRules, createdBy: null, createdAt: now });
  return { version, rules, createdAt: now.toISOString() };
}

export async function saveDeskPolicy(db: Db, viewer: Viewer, rules: DeskPolicyRules, now: Date): Promise<DeskPolicy> {
  const errors = checkDeskPolicy(rules, isCategory);
  for (const id of [rules.logisticsHandlerId, rules.monopolyHandlerId]) {
    if (id === null) continue;
    const [u] = await query<{ id: number }>(db, sql`select id from users where id = ${id} and org_id = ${viewer.orgId} and role in ('admin', 'county_manager', 'station_head')`);
    if (!u) errors.push({ field: id === rules.logisticsHandlerId ? 'logisticsHandlerId' : 'monopolyHandlerId', code: 'desk_unknown_handler' });
  }
  if (errors.length) throw new AppError('desk_policy_invalid', errors.map(({ field, code }) => ({ field, code })));
  // A field a province or city set and locked is theirs: the county saves everything else (its handlers, say) but not a change to it.
  const inForce = await policyInForce(db, viewer.orgId);
  if (inForce.source && !inForce.source.overridable) {
    const changed = inForce.source.fields.filter((f) => canonical(rules[f as keyof DeskPolicyRules]) !== canonical(inForce.rules[f as keyof DeskPolicyRules]));
    if (changed.length) throw new AppError('org_rule_not_overridable', changed.map((field) => ({ field, code: 'org_rule_not_overridable' })));
  }
  await db.transaction(async (tx) => {
    const [{ next }] = await query<{ next: number }>(tx as unknown as Db, sql`select coalesce(max(version), 0) + 1 as next from desk_policies where org_id = ${viewer.orgId}`);
    await tx.insert(deskPolicies).values({ orgId: viewer.orgId, version: next, rules, createdBy: viewer.userId, createdAt: now });
    await writeAudit(tx as unknown as Db, viewer, { action: 'update', entity: 'desk_policy', entityIds: [next], detail: { version: next } }, now);
  });
  return getDeskPolicy(db, viewer.orgId);
}
