// The org's visit settings and frequency rules, created with defaults on first use.
import { asc, eq, sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { retailerVisitOverrides, visitFrequencyRules, visitSettings } from '../../db/schema-visits.js';
import { DEFAULT_FREQUENCY_RULES, type FrequencyRule } from '../../domain/visits/visit-policy.js';
import type { OrderDayPolicy } from '../../domain/visits/visit-patterns.js';

export type VisitSettings = {
  cycleWeeks: number;
  cycleAnchor: string;
  workWeekdays: number[];
  dayStart: number;
  dayEnd: number;
  orderDayPolicy: OrderDayPolicy;
  checkInRadiusM: number;
  keyCallbackHours: number;
  followUpHours: number;
  roadFactor: number;
  speedKmh: number;
};

export async function getVisitSettings(db: Db, orgId: number): Promise<VisitSettings> {
  await db.insert(visitSettings).values({ orgId }).onConflictDoNothing();
  const [row] = await query<VisitSettings>(
    db,
    sql`select cycle_weeks as "cycleWeeks", cycle_anchor::text as "cycleAnchor", work_weekdays as "workWeekdays",
      day_start as "dayStart", day_end as "dayEnd", order_day_policy as "orderDayPolicy", check_in_radius_m as "checkInRadiusM",
      key_callback_hours as "keyCallbackHours", follow_up_hours as "followUpHours", road_factor as "roadFactor", speed_kmh as "speedKmh"
      from visit_settings where org_id = ${orgId}`,
  );
  return { ...row, workWeekdays: (row.workWeekdays as unknown as (number | string)[]).map(Number) };
}

export async function getFrequencyRules(db: Db, orgId: number): Promise<FrequencyRule[]> {
  let rows = await db.select().from(visitFrequencyRules).where(eq(visitFrequencyRules.orgId, orgId)).orderBy(asc(visitFrequencyRules.priority));
  if (rows.length === 0) {
    await db
      .insert(visitFrequencyRules)
      .values(DEFAULT_FREQUENCY_RULES.map((r) => ({ ...r, orgId })))
      .onConflictDoNothing();
    rows = await db.select().from(visitFrequencyRules).where(eq(visitFrequencyRules.orgId, orgId)).orderBy(asc(visitFrequencyRules.priority));
  }
  return rows.map(({ id: _id, orgId: _org, ...r }) => r);
}

export async function saveVisitConfig(db: Db, orgId: number, settings: Partial<VisitSettings>, rules: FrequencyRule[] | undefined, now: Date) {
  await db.transaction(async (tx) => {
    await tx.insert(visitSettings).values({ orgId }).onConflictDoNothing();
    if (Object.keys(settings).length) await tx.update(visitSettings).set({ ...settings, updatedAt: now }).where(eq(visitSettings.orgId, orgId));
    if (rules) {
      await tx.delete(visitFrequencyRules).where(eq(visitFrequencyRules.orgId, orgId));
      if (rules.length) await tx.insert(visitFrequencyRules).values(rules.map((r) => ({ ...r, orgId })));
    }
  });
}

export type OverrideInput = {
  visitsPerCycle: number | null;
  serviceMinutes: number | null;
  keyCustomer: boolean | null;
  opensAt: number | null;
  closesAt: number | null;
  note: string;
};

export async function saveRetailerOverride(db: Db, orgId: number, retailerId: number, o: OverrideInput, userId: number, now: Date) {
  const values = { ...o, orgId, retailerId, updatedBy: userId, updatedAt: now };
  await db.insert(retailerVisitOverrides).values(values).onConflictDoUpdate({ target: [retailerVisitOverrides.orgId, retailerVisitOverrides.retailerId], set: values });
}
