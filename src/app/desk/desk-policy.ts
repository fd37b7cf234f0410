// The org's deadline policy, versioned: saving makes a new version; a case
// keeps the version it was opened under. No saved version: the defaults.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { deskPolicies } from '../../db/schema-desk.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { checkDeskPolicy, DEFAULT_DESK_POLICY } from '../../domain/desk/case-deadlines.js';
import { AppError } from '../../shared/app-error.js';
import { isCategory, type DeskPolicyRules } from '../../shared/desk.js';
import { writeAudit } from '../audit/audit.js';

export type DeskPolicy = { version: number; rules: DeskPolicyRules; createdAt: string | null };

export async function getDeskPolicy(db: Db, orgId: number, version?: number): Promise<DeskPolicy> {
  const [row] = await query<{ version: number; rules: DeskPolicyRules; createdAt: string }>(
    db,
    sql`select version, rules, created_at as "createdAt" from desk_policies
      where org_id = ${orgId} ${version === undefined ? sql`` : sql`and version = ${version}`} order by version desc limit 1`,
  );
  if (!row) return { version: 0, rules: DEFAULT_DESK_POLICY, createdAt: null };
  return { version: row.version, rules: { ...DEFAULT_DESK_POLICY, ...row.rules }, createdAt: new Date(row.createdAt).toISOString() };
}

export async function saveDeskPolicy(db: Db, viewer: Viewer, rules: DeskPolicyRules, now: Date): Promise<DeskPolicy> {
  const errors = checkDeskPolicy(rules, isCategory);
  for (const id of [rules.logisticsHandlerId, rules.monopolyHandlerId]) {
    if (id === null) continue;
    const [u] = await query<{ id: number }>(db, sql`select id from users where id = ${id} and org_id = ${viewer.orgId} and role in ('admin', 'county_manager', 'station_head')`);
    if (!u) errors.push({ field: id === rules.logisticsHandlerId ? 'logisticsHandlerId' : 'monopolyHandlerId', code: 'desk_unknown_handler' });
  }
  if (errors.length) throw new AppError('desk_policy_invalid', errors.map(({ field, code }) => ({ field, code })));
  return db.transaction(async (tx) => {
    const [{ next }] = await query<{ next: number }>(tx as unknown as Db, sql`select coalesce(max(version), 0) + 1 as next from desk_policies where org_id = ${viewer.orgId}`);
    await tx.insert(deskPolicies).values({ orgId: viewer.orgId, version: next, rules, createdBy: viewer.userId, createdAt: now });
    await writeAudit(tx as unknown as Db, viewer, { action: 'update', entity: 'desk_policy', entityIds: [next], detail: { version: next } }, now);
    return { version: next, rules, createdAt: now.toISOString() };
  });
}
