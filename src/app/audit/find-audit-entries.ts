// The audit log as the administrator pages through it, newest first.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { z } from 'zod';
import type { Viewer } from '../../domain/access/viewer.js';
import type { AuditItem, auditQuerySchema } from '../../shared/audit.js';

export type AuditFilter = z.infer<typeof auditQuerySchema>;

export async function findAuditEntries(db: Db, viewer: Viewer, q: AuditFilter): Promise<AuditItem[]> {
  const rows = await query<AuditItem & { at: string | Date }>(
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
