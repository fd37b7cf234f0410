import type { Db } from '../../db/client.js';
import { auditLog } from '../../db/schema.js';
import type { Viewer } from '../../domain/access/viewer.js';
import type { AuditAction } from '../../shared/audit.js';
import { currentAuditContext } from './audit-context.js';

export type AuditEntry = {
  action: AuditAction;
  /** The object's kind (auditEntityLabels); its name is read from its table when the log is shown. */
  entity: string;
  /** The objects' ids; the first one names the entry (for a visit: the shop). */
  entityIds?: number[];
  detail?: Record<string, unknown>;
  /** The caller's address; by default the request's (audit-context.ts). */
  ip?: string;
};

type Writer = Pick<Db, 'insert'>;

/**
 * One audit row. `at` defaults to the request's clock, `ip` to the request's
 * address; a job or a background write passes its own.
 */
export async function writeAudit(db: Writer, who: { orgId: Viewer['orgId']; userId: Viewer['userId'] | null }, e: AuditEntry, at?: Date) {
  const ctx = currentAuditContext();
  await db.insert(auditLog).values({
    orgId: who.orgId,
    userId: who.userId,
    action: e.action,
    entity: e.entity,
    entityIds: e.entityIds ?? [],
    detail: e.detail ?? {},
    ip: e.ip ?? ctx?.ip ?? null,
    at: at ?? ctx?.now?.() ?? new Date(),
  });
}
