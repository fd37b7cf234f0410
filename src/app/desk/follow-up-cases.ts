// Follow-ups raised on a visit are service-desk cases (issue 15): recording
// the visit opens one case per follow-up, channel "visit", its first contact
// due when the follow-up is (the key customer's 24 h callback rule kept), so
// the desk's deadlines, sweep, lists and figures see them. Marking the
// follow-up done closes its case, and closing the case marks it done.
import { and, eq, sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { deskCaseEvents, deskCases } from '../../db/schema-desk.js';
import type { followUps } from '../../db/schema-visits.js';
import type { Viewer } from '../../domain/access/viewer.js';
import type { CaseKind, DeskCategory } from '../../shared/desk.js';
import { openCase } from './open-case.js';
import { storeCasePhotos, type CheckedPhoto } from './case-photos.js';

type FollowUpRow = typeof followUps.$inferSelect;

export function caseOfFollowUp(f: Pick<FollowUpRow, 'kind' | 'action'>): { kind: CaseKind; category: DeskCategory; cause: string } {
  if (f.kind === 'counterfeit') return { kind: 'complaint', category: 'counterfeit', cause: 'counterfeit' };
  return { kind: f.action === 'callback' ? 'callback' : 'request', category: 'service', cause: f.kind === 'problem' ? 'problem' : 'request' };
}

/** Opens the follow-up's case with the photos taken on its visit (already checked by their bytes). */
export async function openCaseForFollowUp(tx: Db, f: FollowUpRow, now: Date, photos: CheckedPhoto[] = []): Promise<number> {
  const c = caseOfFollowUp(f);
  const row = await openCase(
    tx,
    { orgId: f.orgId, retailerId: f.retailerId, ...c, channel: 'visit', text: f.text, subjectUserId: null, createdBy: f.workerId, followUpId: f.id, firstContactDue: new Date(f.dueAt) },
    now,
  );
  await storeCasePhotos(tx, f.orgId, row.id, photos, now);
  return row.id;
}

export async function syncFollowUpCase(db: Db, viewer: Viewer, followUpId: number, patch: { status: 'open' | 'done'; resolution: string }, now: Date): Promise<void> {
  if (patch.status !== 'done') return;
  const [c] = await query<{ id: number }>(db, sql`select id from desk_cases where org_id = ${viewer.orgId} and follow_up_id = ${followUpId} and status <> 'closed'`);
  if (!c) return;
  await db
    .update(deskCases)
    .set({ status: 'closed', closedAt: now, resolution: 'resolved', milestone: 'none', warnAt: null, dueAt: null, countyAt: null, updatedAt: now })
    .where(and(eq(deskCases.id, c.id), eq(deskCases.orgId, viewer.orgId)));
  await db.insert(deskCaseEvents).values({ orgId: viewer.orgId, caseId: c.id, type: 'close', byUserId: viewer.userId, text: patch.resolution, detail: { resolution: 'resolved', from: 'follow_up' }, at: now });
}
