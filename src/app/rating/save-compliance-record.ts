// The monopoly side's monthly compliance score for one shop, turned into the
// integrity class the rating reads; a second entry for the month replaces it.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { complianceClass } from '../../domain/rating/compliance-class.js';
import type { ComplianceClass } from '../../domain/rating/types.js';
import { writeAudit } from '../audit/audit.js';
import { assertRetailerInOrg } from './add-rating-freeze.js';

export async function saveComplianceRecord(
  db: Db,
  viewer: Viewer,
  b: { retailerId: number; month: string; score: number; penalties: number; ip: string },
  now: Date,
): Promise<{ complianceClass: ComplianceClass }> {
  await assertRetailerInOrg(db, viewer.orgId, b.retailerId);
  const cls = complianceClass(b.score, b.penalties);
  await db.execute(sql`insert into compliance_records (org_id, retailer_id, month, score, penalties, compliance_class, created_by)
    values (${viewer.orgId}, ${b.retailerId}, ${b.month}, ${b.score}, ${b.penalties}, ${cls}, ${viewer.userId})
    on conflict (org_id, retailer_id, month) do update set score = excluded.score, penalties = excluded.penalties,
      compliance_class = excluded.compliance_class, created_by = excluded.created_by, created_at = now()`);
  await writeAudit(db, viewer, { action: 'update', entity: 'compliance_record', entityIds: [b.retailerId], detail: { month: b.month, score: b.score, penalties: b.penalties, class: cls }, ip: b.ip }, now);
  return { complianceClass: cls };
}
