// Re-derive a case's deadline after anything that moves its clock (first
// contact, reply, waiting, resuming, reopening): the milestone in force, its
// warning, its deadline and the county escalation time, under the policy
// version the case was opened with. A new milestone clears the warning and
// breach marks of the previous one (their events stay for the figures).
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { deskCases, type ClockPause } from '../../db/schema-desk.js';
import { caseDeadline, deadlineRuleFor } from '../../domain/desk/case-deadlines.js';
import type { Segment } from '../../shared/desk.js';
import { getDeskPolicy } from './desk-policy.js';
import { deskCalendar } from './desk-calendar.js';

export type CaseRow = typeof deskCases.$inferSelect;

const d = (v: Date | string | null) => (v === null ? null : new Date(v));

export async function rederiveDeadline(tx: Db, c: CaseRow, now: Date): Promise<void> {
  const policy = await getDeskPolicy(tx, c.orgId, c.policyVersion || undefined);
  const cal = await deskCalendar(tx, c.orgId, policy.rules);
  const rule = deadlineRuleFor(policy.rules, c.category, c.segment as Segment);
  const pauses = (c.pauses as ClockPause[]).map((p) => ({ from: new Date(p.from), to: new Date(p.to) }));
  const next = caseDeadline(cal, policy.rules, rule, {
    openedAt: new Date(c.openedAt),
    firstContactAt: d(c.firstContactAt),
    repliedAt: d(c.repliedAt),
    closedAt: d(c.closedAt),
    pauses,
    waiting: c.status === 'waiting',
  });
  const changed = next.milestone !== c.milestone;
  await tx
    .update(deskCases)
    .set({
      milestone: next.milestone,
      warnAt: next.warnAt,
      dueAt: next.dueAt,
      countyAt: next.countyAt,
      ...(changed ? { warnedAt: null, breachedAt: null } : {}),
      updatedAt: now,
    })
    .where(eq(deskCases.id, c.id));
}
