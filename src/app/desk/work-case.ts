// Working a case: notes, logged calls, replies the retailer reads on their
// phone (optionally waiting for the retailer, which stops the clock), close
// with a resolution code, reassign with a reason, the monopoly side's
// reference. Each in one transaction with its event and audit row; a closed
// case refuses all of it.
import { and, eq, sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { caseWorkScope } from '../../db/desk-scope.js';
import { deskCaseEvents, deskCases, type ClockPause } from '../../db/schema-desk.js';
import { followUps } from '../../db/schema-visits.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { mayHandle } from '../../domain/desk/route-case.js';
import { surveyDue } from '../../domain/desk/case-deadlines.js';
import { AppError } from '../../shared/app-error.js';
import type { RESOLUTIONS } from '../../shared/desk.js';
import { writeAudit } from '../audit/audit.js';
import { rederiveDeadline, type CaseRow } from './case-clock.js';
import { getDeskPolicy } from './desk-policy.js';
import { deskCalendar } from './desk-calendar.js';

type Tx = Db;

async function lockCase(tx: Tx, viewer: Viewer, id: number): Promise<CaseRow> {
  const [found] = await query<{ id: number }>(tx, sql`select c.id from desk_cases c where c.id = ${id} and ${caseWorkScope(viewer)} for update`);
  if (!found) throw new AppError('not_found');
  const [row] = await tx.select().from(deskCases).where(eq(deskCases.id, id));
  return row;
}

function openOnly(c: CaseRow) {
  if (c.status === 'closed') throw new AppError('desk_case_closed');
}

/** A waiting case resumes on any work: its pause is closed. */
function resumed(c: CaseRow, now: Date): Partial<CaseRow> {
  if (c.status !== 'waiting' || !c.waitingSince) return {};
  const pauses: ClockPause[] = [...(c.pauses as ClockPause[]), { from: new Date(c.waitingSince).toISOString(), to: now.toISOString() }];
  return { status: 'open', waitingSince: null, pauses };
}

async function work(
  db: Db,
  viewer: Viewer,
  id: number,
  now: Date,
  op: string,
  fn: (tx: Tx, c: CaseRow) => Promise<{ patch: Partial<CaseRow>; event: Omit<typeof deskCaseEvents.$inferInsert, 'orgId' | 'caseId' | 'at' | 'byUserId'> }>,
) {
  return db.transaction(async (t) => {
    const tx = t as unknown as Tx;
    const c = await lockCase(tx, viewer, id);
    const { patch, event } = await fn(tx, c);
    const [updated] = await tx
      .update(deskCases)
      .set({ ...patch, updatedAt: now, version: c.version + 1 })
      .where(and(eq(deskCases.id, id), eq(deskCases.orgId, viewer.orgId)))
      .returning();
    await tx.insert(deskCaseEvents).values({ ...event, orgId: viewer.orgId, caseId: id, byUserId: viewer.userId, at: now });
    await rederiveDeadline(tx, updated, now);
    await writeAudit(tx, viewer, { action: 'update', entity: 'desk_case', entityIds: [id], detail: { op } }, now);
    return { ok: true };
  });
}

export function addNote(db: Db, viewer: Viewer, id: number, text: string, now: Date) {
  return work(db, viewer, id, now, 'note', async (_tx, c) => {
    openOnly(c);
    return { patch: {}, event: { type: 'note', text } };
  });
}

export function logCall(db: Db, viewer: Viewer, id: number, input: { text: string; reached: boolean; minutes: number }, now: Date) {
  return work(db, viewer, id, now, 'call', async (_tx, c) => {
    openOnly(c);
    return {
      patch: { ...resumed(c, now), ...(input.reached && !c.firstContactAt ? { firstContactAt: now } : {}) },
      event: { type: 'call', text: input.text, detail: { reached: input.reached, minutes: input.minutes } },
    };
  });
}

export function replyToRetailer(db: Db, viewer: Viewer, id: number, input: { text: string; waitForRetailer: boolean }, now: Date) {
  return work(db, viewer, id, now, 'reply', async (_tx, c) => {
    openOnly(c);
    const wait = input.waitForRetailer ? { status: 'waiting', waitingSince: now } : {};
    return {
      patch: { ...resumed(c, now), firstContactAt: c.firstContactAt ?? now, repliedAt: c.repliedAt ?? now, ...wait },
      event: { type: 'reply', text: input.text, toRetailer: true, detail: { wait: input.waitForRetailer } },
    };
  });
}

export function closeCase(db: Db, viewer: Viewer, id: number, input: { resolution: (typeof RESOLUTIONS)[number]; text: string; valid?: boolean }, now: Date) {
  return work(db, viewer, id, now, 'close', async (tx, c) => {
    openOnly(c);
    const policy = await getDeskPolicy(tx, c.orgId, c.policyVersion || undefined);
    const cal = await deskCalendar(tx, c.orgId, policy.rules);
    if (c.followUpId) await tx.update(followUps).set({ status: 'done', doneAt: now, doneBy: viewer.userId, resolution: input.text || input.resolution }).where(eq(followUps.id, c.followUpId));
    return {
      patch: {
        ...resumed(c, now),
        status: 'closed',
        closedAt: now,
        resolution: input.resolution,
        firstContactAt: c.firstContactAt ?? now,
        repliedAt: c.repliedAt ?? now,
        surveyDueAt: surveyDue(cal, policy.rules, now),
        ...(input.valid !== undefined ? { valid: input.valid } : {}),
      },
      event: { type: 'close', text: input.text, toRetailer: true, detail: { resolution: input.resolution } },
    };
  });
}

export function reassignCase(db: Db, viewer: Viewer, id: number, input: { handlerId: number; reason: string }, now: Date) {
  return work(db, viewer, id, now, 'reassign', async (tx, c) => {
    openOnly(c);
    const [u] = await query<{ id: number }>(
      tx,
      sql`select id from users where id = ${input.handlerId} and org_id = ${viewer.orgId} and active and role in ('admin', 'county_manager', 'station_head', 'grid_worker')`,
    );
    if (!u) throw new AppError('desk_unknown_handler', [{ field: 'handlerId', code: 'desk_unknown_handler' }]);
    if (!mayHandle(input.handlerId, c.subjectUserId)) throw new AppError('desk_subject_handler', [{ field: 'handlerId', code: 'desk_subject_handler' }]);
    return { patch: { handlerId: input.handlerId }, event: { type: 'reassign', text: input.reason, detail: { from: c.handlerId, to: input.handlerId } } };
  });
}

export function recordForward(db: Db, viewer: Viewer, id: number, input: { ref: string; text: string }, now: Date) {
  return work(db, viewer, id, now, 'forward', async (_tx, c) => {
    openOnly(c);
    return { patch: { forwardedAt: c.forwardedAt ?? now, forwardRef: input.ref || c.forwardRef }, event: { type: 'forward', text: input.text, detail: { to: 'monopoly', ref: input.ref } } };
  });
}
