import type { Db } from '../../db/client.js';
import { auditLog } from '../../db/schema.js';
import type { Viewer } from '../../domain/access/viewer.js';

export type AuditEntry = {
  action: 'login' | 'logout' | 'login_failed' | 'login_throttled' | 'search' | 'view_pii' | 'update' | 'import' | 'export';
  entity: string;
  entityIds?: number[];
  detail?: Record<string, unknown>;
  ip?: string;
};

export async function writeAudit(db: Db, who: Pick<Viewer, 'orgId' | 'userId'>, e: AuditEntry, at: Date) {
  await db.insert(auditLog).values({
    orgId: who.orgId,
    userId: who.userId,
    action: e.action,
    entity: e.entity,
    entityIds: e.entityIds ?? [],
    detail: e.detail ?? {},
    ip: e.ip,
    at,
  });
}
