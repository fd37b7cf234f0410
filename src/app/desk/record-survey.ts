// 回访 after a close: 满意 / 基本满意 / 不满意, by a staff member who did not
// handle the case (conflict of interest) or by the retailer on their phone.
// 不满意 reopens the case: the time it stood closed does not count, and the
// reply and close milestones run again.
import { eq, sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { caseScope } from '../../db/desk-scope.js';
import { deskCaseEvents, deskCases, deskSurveys, type ClockPause } from '../../db/schema-desk.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import type { SURVEY_RESULTS } from '../../shared/desk.js';
import { writeAudit } from '../audit/audit.js';
import { rederiveDeadline } from './case-clock.js';

export async function recordSurvey(db: Db, viewer: Viewer, id: number, input: { result: (typeof SURVEY_RESULTS)[number]; note: string }, now: Date) {
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [found] = await query<{ id: number }>(tx, sql`select c.id from desk_cases c where c.id = ${id} and ${caseScope(viewer)} for update`);
    if (!found) throw new AppError('not_found');
    const [c] = await tx.select().from(deskCases).where(eq(deskCases.id, id));
    if (c.status !== 'closed' || !c.closedAt) throw new AppError('desk_case_not_closed');
    if (c.handlerId === viewer.userId) throw new AppError('desk_conflict_of_interest');
    const [done] = await query<{ n: number }>(tx, sql`select count(*)::int as n from desk_surveys where case_id = ${id} and at >= ${new Date(c.closedAt).toISOString()}`);
    if (done.n > 0) throw new AppError('desk_survey_done');
    const late = c.surveyDueAt ? now.getTime() > new Date(c.surveyDueAt).getTime() : false;
    const channel = viewer.role === 'retailer' ? 'retailer_app' : 'phone';
    await tx.insert(deskSurveys).values({ orgId: viewer.orgId, caseId: id, result: input.result, channel, note: input.note, recordedBy: viewer.userId, handlerId: c.handlerId, late, at: now });
    await tx.insert(deskCaseEvents).values({ orgId: viewer.orgId, caseId: id, type: 'survey', byUserId: viewer.userId, text: input.note, detail: { result: input.result, channel }, at: now });
    let reopened = false;
    if (input.result === 'dissatisfied') {
      const pauses: ClockPause[] = [...(c.pauses as ClockPause[]), { from: new Date(c.closedAt).toISOString(), to: now.toISOString() }];
      const [row] = await tx
        .update(deskCases)
        .set({ status: 'open', closedAt: null, resolution: null, repliedAt: null, surveyDueAt: null, pauses, reopenCount: c.reopenCount + 1, updatedAt: now, version: c.version + 1 })
        .where(eq(deskCases.id, id))
        .returning();
      await tx.insert(deskCaseEvents).values({ orgId: viewer.orgId, caseId: id, type: 'reopen', byUserId: viewer.userId, text: '', detail: { because: 'dissatisfied' }, at: now });
      await rederiveDeadline(tx, row, now);
      reopened = true;
    }
    await writeAudit(tx, viewer, { action: 'update', entity: 'desk_case', entityIds: [id], detail: { op: 'survey', result: input.result, reopened } }, now);
    return { ok: true };
  });
}
