// What moving a shop to another county carries, ends or refuses, table by table
// (issue 19, decision 1902). Every tenant table that points at the shop — by a
// foreign key to retailers or to a table carried here — must be named below;
// `retailer-move-plan.test.ts` fails when a new one is not, so a feature's new
// table cannot be left behind (or block the move) unnoticed.
import { sql, type SQL } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { retailers, users, auditLog, orderLines, orders, retailerChanges } from '../../db/schema.js';
import { deskCaseEvents, deskCasePhotos, deskCases, deskRewards, deskSurveys } from '../../db/schema-desk.js';
import { deliveryPointMembers, deliveryPoints, retailerServiceModes } from '../../db/schema-grids.js';
import { noticeDeliveries, noticePreferences, notices } from '../../db/schema-notices.js';
import { onboardingSteps, onboardings } from '../../db/schema-onboarding.js';
import { emergencyRequests, idempotencyKeys, orderCorrections, orderLimits, outbox, planOrders, settlementAttempts } from '../../db/schema-ordering.js';
import { ratingTierCauses } from '../../db/schema-rating-stability.js';
import { complianceRecords, customerRepresentatives, ratingFreezes, representativeReviews, retailerRatings, tierOverrides } from '../../db/schema-rating.js';
import { followUps, retailerVisitOverrides, visitPhotos, visitPlanStops, visits } from '../../db/schema-visits.js';
import { careActivityShops, careDisasterShops, careFiles, careSpecialGroups, careTasks } from '../../db/schema-care.js';
import { surveyResponses, surveySample } from '../../db/schema-surveys.js';

/** The values a step's row filter reads: the shop, its login user (if any), the old org. */
export type MoveKeys = { from: number; retailerId: number; userId: number | null };

export type CarriedStep = { table: PgTable; rows: (k: MoveKeys) => SQL };

const inOrders = (k: MoveKeys) => sql`select id from orders where org_id = ${k.from} and retailer_id = ${k.retailerId}`;

/**
 * Carried: inserted under the new org with the same ids (ids come from one
 * sequence per table, so they cannot collide), parents before children, then
 * deleted from the old org children first. `rows` filters alias `s` in the old org.
 */
export const CARRIED: CarriedStep[] = [
  { table: users, rows: (k) => (k.userId === null ? sql`false` : sql`s.id = ${k.userId}`) },
  { table: retailers, rows: (k) => sql`s.id = ${k.retailerId}` },
  { table: retailerChanges, rows: (k) => sql`s.retailer_id = ${k.retailerId}` },
  { table: orders, rows: (k) => sql`s.retailer_id = ${k.retailerId}` },
  { table: orderLines, rows: (k) => sql`s.order_id in (${inOrders(k)})` },
  {
    table: orderCorrections,
    rows: (k) => sql`s.order_line_id in (select id from order_lines where org_id = ${k.from} and order_id in (${inOrders(k)}))`,
  },
  { table: settlementAttempts, rows: (k) => sql`s.order_id in (${inOrders(k)})` },
  { table: emergencyRequests, rows: (k) => sql`s.retailer_id = ${k.retailerId}` },
  { table: idempotencyKeys, rows: (k) => (k.userId === null ? sql`false` : sql`s.user_id = ${k.userId}`) },
  { table: outbox, rows: (k) => sql`(s.retailer_id = ${k.retailerId} or s.user_id = ${k.userId})` },
  { table: notices, rows: (k) => sql`(s.retailer_id = ${k.retailerId} or s.user_id = ${k.userId})` },
  {
    table: noticeDeliveries,
    rows: (k) => sql`s.notice_id in (select id from notices where org_id = ${k.from} and (retailer_id = ${k.retailerId} or user_id = ${k.userId}))`,
  },
  { table: noticePreferences, rows: (k) => sql`s.retailer_id = ${k.retailerId}` },
  { table: retailerRatings, rows: (k) => sql`s.retailer_id = ${k.retailerId}` },
  { table: tierOverrides, rows: (k) => sql`s.retailer_id = ${k.retailerId}` },
  { table: complianceRecords, rows: (k) => sql`s.retailer_id = ${k.retailerId}` },
  { table: ratingFreezes, rows: (k) => sql`s.retailer_id = ${k.retailerId}` },
  { table: ratingTierCauses, rows: (k) => sql`s.retailer_id = ${k.retailerId}` },
  { table: customerRepresentatives, rows: (k) => sql`s.retailer_id = ${k.retailerId}` },
  {
    table: representativeReviews,
    rows: (k) => sql`s.representative_id in (select id from customer_representatives where org_id = ${k.from} and retailer_id = ${k.retailerId})`,
  },
  { table: retailerServiceModes, rows: (k) => sql`s.retailer_id = ${k.retailerId}` },
  { table: retailerVisitOverrides, rows: (k) => sql`s.retailer_id = ${k.retailerId}` },
  { table: visits, rows: (k) => sql`s.retailer_id = ${k.retailerId}` },
  { table: visitPhotos, rows: (k) => sql`s.visit_id in (select id from visits where org_id = ${k.from} and retailer_id = ${k.retailerId})` },
  { table: followUps, rows: (k) => sql`s.retailer_id = ${k.retailerId}` },
  { table: deskCases, rows: (k) => sql`s.retailer_id = ${k.retailerId}` },
  { table: deskCaseEvents, rows: (k) => sql`s.case_id in (select id from desk_cases where org_id = ${k.from} and retailer_id = ${k.retailerId})` },
  { table: deskCasePhotos, rows: (k) => sql`s.case_id in (select id from desk_cases where org_id = ${k.from} and retailer_id = ${k.retailerId})` },
  { table: deskSurveys, rows: (k) => sql`s.case_id in (select id from desk_cases where org_id = ${k.from} and retailer_id = ${k.retailerId})` },
  {
    table: deskRewards,
    rows: (k) => sql`(s.retailer_id = ${k.retailerId} or s.case_id in (select id from desk_cases where org_id = ${k.from} and retailer_id = ${k.retailerId}))`,
  },
  { table: onboardings, rows: (k) => sql`s.retailer_id = ${k.retailerId}` },
  {
    table: onboardingSteps,
    rows: (k) => sql`s.onboarding_id in (select id from onboardings where org_id = ${k.from} and retailer_id = ${k.retailerId})`,
  },
  // The special-group register is the shop's own standing (五保户, 残疾人 …) and its benefits go on in the new county:
  // the record and its proof photo move; who recorded it stays in the old county's audit log (decision 1921).
  {
    table: careFiles,
    // Found through the shop's register in either org: the photo is deleted after the register rows have moved
    // (children first), and the shop keeps its id in the new county.
    rows: (k) => sql`s.id in (select photo_id from care_special_groups where retailer_id = ${k.retailerId} and photo_id is not null)`,
  },
  { table: careSpecialGroups, rows: (k) => sql`s.retailer_id = ${k.retailerId}` },
];

/**
 * Ended: rows that belong to the old county's own plans — this week's order
 * limits and plan links of its supply plan, stops of its workers' visit
 * calendars, membership of its delivery points. They are deleted, counted in
 * the forwarding record, and the new county's next allocation, calendar and
 * layout include the shop.
 */
export const ENDED: CarriedStep[] = [
  { table: orderLimits, rows: (k) => sql`s.retailer_id = ${k.retailerId}` },
  { table: planOrders, rows: (k) => sql`s.retailer_id = ${k.retailerId}` },
  { table: visitPlanStops, rows: (k) => sql`s.retailer_id = ${k.retailerId}` },
  { table: deliveryPointMembers, rows: (k) => sql`s.retailer_id = ${k.retailerId}` },
  // The old county's care tasks for its workers (the new county's nightly care job makes its own from the carried
  // register) and the shop's
  // place in the old county's survey rounds (its answer leaves that round's figures with it).
  { table: careTasks, rows: (k) => sql`s.retailer_id = ${k.retailerId}` },
  { table: surveyResponses, rows: (k) => sql`s.retailer_id = ${k.retailerId}` },
  { table: surveySample, rows: (k) => sql`s.retailer_id = ${k.retailerId}` },
];

/** Refused: the move stops with a 409 while the shop hosts one of these (reassign it first). */
export const BLOCKING: { table: PgTable; code: 'move_hosts_delivery_point' | 'move_has_care_records'; rows: (k: MoveKeys) => SQL }[] = [
  { table: deliveryPoints, code: 'move_hosts_delivery_point', rows: (k) => sql`s.retailer_id = ${k.retailerId}` },
  // A disaster's contact checklist and help ledger, an activity's shops: the old county's ledgers of its own events,
  // which can neither follow the shop nor lose it (decision 1921).
  { table: careDisasterShops, code: 'move_has_care_records', rows: (k) => sql`s.retailer_id = ${k.retailerId}` },
  { table: careActivityShops, code: 'move_has_care_records', rows: (k) => sql`s.retailer_id = ${k.retailerId}` },
];

/**
 * Left with the old org on purpose: its audit trail is the record of what its
 * people did (both orgs get a row about the move).
 */
export const KEPT: PgTable[] = [auditLog];

export const tableName = (t: PgTable) => getTableConfig(t).name;
