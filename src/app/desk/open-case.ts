// Opening a case, whatever the channel: route it, choose its deadline rule
// by category and segment under the policy version in force (the county's,
// or with a province or city rule laid over it, decision 1927), compute the
// first deadline on working time, store it with its first event, and forward
// a counterfeit or cross-region report to the monopoly side at once.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { deskCaseEvents, deskCases } from '../../db/schema-desk.js';
import { routeCase } from '../../domain/desk/route-case.js';
import { caseDeadline, deadlineRuleFor } from '../../domain/desk/case-deadlines.js';
import type { CaseChannel, CaseKind, DeskCategory, Segment } from '../../shared/desk.js';
import { findRetailerPolicies } from '../visits/visit-policy-queries.js';
import { getFrequencyRules } from '../visits/visit-config-queries.js';
import { deskPolicyForNewCase } from './desk-policy.js';
import { deskCalendar } from './desk-calendar.js';

export type OpenCase = {
  orgId: number;
  retailerId: number;
  kind: CaseKind;
  channel: CaseChannel;
  category: DeskCategory;
  cause: string;
  text: string;
  subjectUserId: number | null;
  createdBy: number | null;
  followUpId?: number | null;
  /** A visit's follow-up keeps its own due time (its 24 h callback rule) for the first contact. */
  firstContactDue?: Date | null;
};

type Place = { gridId: number; stationId: number; gridWorkerId: number | null; stationHeadId: number | null; countyId: number | null };

export async function placeOf(db: Db, orgId: number, retailerId: number): Promise<Place | undefined> {
  const [p] = await query<Place>(
    db,
    sql`select g.id as "gridId", g.station_id as "stationId", g.worker_id as "gridWorkerId",
        (select u.id from users u where u.org_id = ${orgId} and u.role = 'station_head' and u.station_id = g.station_id and u.active order by u.id limit 1) as "stationHeadId",
        (select u.id from users u where u.org_id = ${orgId} and u.role = 'county_manager' and u.active order by u.id limit 1) as "countyId"
      from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id where r.id = ${retailerId} and r.org_id = ${orgId}`,
  );
  return p;
}

export async function segmentOf(db: Db, orgId: number, retailerId: number): Promise<Segment> {
  const [policy] = await findRetailerPolicies(db, sql`r.id = ${retailerId}`, await getFrequencyRules(db, orgId));
  return policy?.keyCustomer ? 'key' : 'normal';
}

/** Inside the caller's transaction. */
export async function openCase(tx: Db, c: OpenCase, now: Date): Promise<typeof deskCases.$inferSelect> {
  const place = await placeOf(tx, c.orgId, c.retailerId);
  const policy = await deskPolicyForNewCase(tx, c.orgId, now);
  const routed = routeCase(
    { category: c.category, subjectUserId: c.subjectUserId },
    { ...(place ?? { gridWorkerId: null, stationHeadId: null, countyId: null }), logisticsHandlerId: policy.rules.logisticsHandlerId, monopolyHandlerId: policy.rules.monopolyHandlerId },
  );
  const segment = await segmentOf(tx, c.orgId, c.retailerId);
  const cal = await deskCalendar(tx, c.orgId, policy.rules);
  const rule = deadlineRuleFor(policy.rules, c.category, segment);
  let d = caseDeadline(cal, policy.rules, rule, { openedAt: now, firstContactAt: null, repliedAt: null, closedAt: null, pauses: [], waiting: false });
  if (c.firstContactDue) {
    const due = c.firstContactDue;
    const warnAt = new Date(now.getTime() + (due.getTime() - now.getTime()) * policy.rules.warnShare);
    d = { ...d, dueAt: due, warnAt };
  }
  const monopoly = routed.jurisdiction === 'monopoly';
  const [row] = await tx
    .insert(deskCases)
    .values({
      orgId: c.orgId,
      kind: c.kind,
      channel: c.channel,
      category: c.category,
      cause: c.cause,
      jurisdiction: routed.jurisdiction,
      retailerId: c.retailerId,
      gridId: place?.gridId ?? null,
      stationId: place?.stationId ?? null,
      subjectUserId: c.subjectUserId,
      handlerId: routed.handlerId,
      text: c.text,
      segment,
      policyVersion: policy.version,
      milestone: d.milestone,
      warnAt: d.warnAt,
      dueAt: d.dueAt,
      countyAt: d.countyAt,
      openedAt: now,
      forwardedAt: monopoly ? now : null,
      followUpId: c.followUpId ?? null,
      createdBy: c.createdBy,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const events: (typeof deskCaseEvents.$inferInsert)[] = [
    { orgId: c.orgId, caseId: row.id, type: 'created', byUserId: c.createdBy, text: '', detail: { handlerId: routed.handlerId, level: routed.level, jurisdiction: routed.jurisdiction }, at: now },
  ];
  if (monopoly) events.push({ orgId: c.orgId, caseId: row.id, type: 'forward', byUserId: null, text: '', detail: { to: 'monopoly', auto: true }, at: now });
  await tx.insert(deskCaseEvents).values(events);
  return row;
}
