// The audit log as the administrator pages through it, newest first.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';

export type AuditFilter = { action?: string; retailerId?: number; page: number; pageSize: number };
export type AuditEntry = {
  id: number;
  at: string;
  userName: string | null;
  action: string;
  entity: string;
  entityIds: number[];
  detail: Record<string, unknown>;
  ip: string | null;
};

export async function findAuditEntries(db: Db, viewer: Viewer, q: AuditFilter): Promise<AuditEntry[]> {
  const rows = await query<AuditEntry & { at: string | Date }>(
    db,
    sql`select a.id::int as id, a.at, u.display_name as "userName", a.action, a.entity, a.entity_ids as "entityIds", a.detail, a.ip
      from audit_log a left join users u on u.id = a.user_id
      where a.org_id = ${viewer.orgId}
      ${q.action ? sql`and a.action = ${q.action}` : sql``}
      ${q.retailerId ? sql`and a.entity = 'retailer' and ${q.retailerId} = any(a.entity_ids)` : sql``}
      order by a.at desc, a.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
  return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
}
