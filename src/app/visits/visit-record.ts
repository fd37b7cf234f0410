// Recording visits from the phone. Both calls are idempotent on the visit's
// UUID, made on the phone: a check-in or a visit sent twice (a retry after the
// connection dropped mid-sync) is stored once, and the second answer says so.
import { writeAudit } from '../audit/audit.js';
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { retailerScope } from '../../db/scope.js';
import { followUps, visitPhotos, visits, type VisitForm } from '../../db/schema-visits.js';
import { getFrequencyRules, getVisitSettings, type VisitSettings } from './visit-config-queries.js';
import { findRetailerPolicies } from './visit-policy-queries.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { haversineMetres } from '../../domain/routing/distance-provider.js';
import { localDate } from '../../domain/visits/visit-cycle.js';
import { followUpsOf } from '../../domain/visits/follow-ups.js';
import { openCaseForFollowUp } from '../desk/follow-up-cases.js';
import { photosOfCase, visitPhotosForCase } from '../desk/case-photos.js';
import { assertLaunchTarget, insertLaunchCheck } from '../cultivation/record-launch-check.js';
import type { CheckIn, VisitResult } from '../../shared/visits.js';
import { visitFormSchema, positionSchema } from '../../shared/visits.js';
import { AppError } from '../../shared/app-error.js';
import type { z } from 'zod';

type Position = z.infer<typeof positionSchema>;
type ScopedRetailer = { id: number; lat: number; lng: number; gridId: number; stationId: number };
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const MAX_AGE_MS = 14 * 86_400_000;
const MAX_AHEAD_MS = 10 * 60_000;

async function scopedRetailer(db: Db | Tx, viewer: Viewer, retailerId: number): Promise<ScopedRetailer> {
  const [r] = await query<ScopedRetailer>(
    db as Db,
    sql`select r.id, r.lat, r.lng, r.grid_id as "gridId", g.station_id as "stationId"
      from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id where r.id = ${retailerId} and ${retailerScope(viewer)}`,
  );
  // Outside the worker's grids looks the same as missing.
  if (!r) throw new AppError('not_found');
  return r;
}

/** Validates a check-in position against the shop; throws a clear error and changes nothing. */
function checkPosition(pos: Position, shop: ScopedRetailer, settings: VisitSettings, now: Date): { at: Date; distanceM: number; far: boolean } {
  if (pos.lat === undefined || pos.lat === null || pos.lng === undefined || pos.lng === null) throw new AppError('position_required');
  const at = pos.at ? new Date(pos.at) : now;
  if (at.getTime() > now.getTime() + MAX_AHEAD_MS || at.getTime() < now.getTime() - MAX_AGE_MS) {
    throw new AppError('validation_failed', [{ field: 'at', code: 'check_in_time_range' }]);
  }
  const distanceM = Math.round(haversineMetres({ lat: pos.lat, lng: pos.lng }, shop));
  const far = distanceM > settings.checkInRadiusM;
  if (far && (pos.farReason ?? '').trim().length < 2) {
    throw new AppError('check_in_too_far', [{ field: 'farReason', code: 'required' }], { distanceM, radiusM: settings.checkInRadiusM });
  }
  return { at, distanceM, far };
}

async function planStopOf(db: Db | Tx, workerId: number, retailerId: number, date: string): Promise<number | null> {
  const [s] = await query<{ id: number }>(
    db as Db,
    sql`select id from visit_plan_stops where worker_id = ${workerId} and retailer_id = ${retailerId} and visit_date = ${date} limit 1`,
  );
  return s?.id ?? null;
}

type Existing = { id: string; workerId: number; retailerId: number; status: string; distanceM: number; far: boolean; followUps: number };

async function existingVisit(db: Db | Tx, id: string): Promise<Existing | undefined> {
  const [v] = await query<Existing>(
    db as Db,
    sql`select v.id::text as id, v.worker_id as "workerId", v.retailer_id as "retailerId", v.status, v.check_in_distance_m as "distanceM",
        v.far_reason is not null as far, (select count(*)::int from follow_ups f where f.visit_id = v.id) as "followUps"
      from visits v where v.id = ${id}`,
  );
  return v;
}

function sameOwner(v: Existing, viewer: Viewer, retailerId: number) {
  if (v.workerId !== viewer.userId || v.retailerId !== retailerId) throw new AppError('visit_id_conflict');
}

export async function checkIn(db: Db, viewer: Viewer, input: CheckIn, now: Date): Promise<VisitResult> {
  const shop = await scopedRetailer(db, viewer, input.retailerId);
  const settings = await getVisitSettings(db, viewer.orgId);
  const pos = checkPosition(input, shop, settings, now);
  const date = localDate(pos.at);
  const inserted = await db
    .insert(visits)
    .values({
      id: input.id,
      orgId: viewer.orgId,
      workerId: viewer.userId,
      retailerId: shop.id,
      gridId: shop.gridId,
      stationId: shop.stationId,
      planStopId: await planStopOf(db, viewer.userId, shop.id, date),
      visitDate: date,
      status: 'checked_in',
      checkedInAt: pos.at,
      checkInLat: input.lat!,
      checkInLng: input.lng!,
      checkInAccuracyM: input.accuracyM ?? null,
      checkInDistanceM: pos.distanceM,
      farReason: pos.far ? input.farReason!.trim() : null,
      syncedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: visits.id });
  if (inserted.length) {
    await writeAudit(db, viewer, { action: 'check_in', entity: 'visit', entityIds: [shop.id], detail: { visitId: input.id, distanceM: pos.distanceM, far: pos.far } }, now);
    return { id: input.id, status: 'checked_in', distanceM: pos.distanceM, far: pos.far, duplicate: false, followUps: 0 };
  }
  const v = (await existingVisit(db, input.id))!;
  sameOwner(v, viewer, shop.id);
  return { id: v.id, status: v.status as VisitResult['status'], distanceM: v.distanceM, far: v.far, duplicate: true, followUps: v.followUps };
}

export type SubmitInput = { retailerId: number; checkIn: Position; form: z.infer<typeof visitFormSchema>; photos: string[]; photoCases?: string[][] };

export async function submitVisit(db: Db, viewer: Viewer, id: string, input: SubmitInput, now: Date): Promise<VisitResult> {
  const shop = await scopedRetailer(db, viewer, input.retailerId);
  const settings = await getVisitSettings(db, viewer.orgId);
  const before = await existingVisit(db, id);
  if (before) sameOwner(before, viewer, shop.id);
  if (before?.status === 'done') return { ...before, status: 'done', duplicate: true };
  // A visit checked in online keeps its check-in; one recorded offline brings its own.
  const pos = before ? null : checkPosition(input.checkIn, shop, settings, now);
  const [policy] = await findRetailerPolicies(db, sql`r.id = ${shop.id}`, await getFrequencyRules(db, viewer.orgId));
  const form: VisitForm = input.form;
  if (form.launch) await assertLaunchTarget(db, viewer.orgId, form.launch, shop.id);

  return db.transaction(async (tx) => {
    let checkedInAt: Date;
    let distanceM: number;
    let far: boolean;
    if (pos) {
      const date = localDate(pos.at);
      const inserted = await tx
        .insert(visits)
        .values({
          id,
          orgId: viewer.orgId,
          workerId: viewer.userId,
          retailerId: shop.id,
          gridId: shop.gridId,
          stationId: shop.stationId,
          planStopId: await planStopOf(tx, viewer.userId, shop.id, date),
          visitDate: date,
          status: 'done',
          checkedInAt: pos.at,
          checkInLat: input.checkIn.lat!,
          checkInLng: input.checkIn.lng!,
          checkInAccuracyM: input.checkIn.accuracyM ?? null,
          checkInDistanceM: pos.distanceM,
          farReason: pos.far ? input.checkIn.farReason!.trim() : null,
          form,
          displayScore: form.displayScore,
          suspectCounterfeit: form.suspectCounterfeit,
          recordedAt: now,
          syncedAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: visits.id });
      if (!inserted.length) {
        // Sent twice at once: the other request stored it.
        const v = (await existingVisit(tx, id))!;
        return { ...v, status: v.status as VisitResult['status'], duplicate: true };
      }
      checkedInAt = pos.at;
      distanceM = pos.distanceM;
      far = pos.far;
    } else {
      const updated = await query<{ checkedInAt: Date; distanceM: number; far: boolean }>(
        tx as unknown as Db,
        sql`update visits set status = 'done', form = ${JSON.stringify(form)}::jsonb, display_score = ${form.displayScore},
            suspect_counterfeit = ${form.suspectCounterfeit}, recorded_at = ${now.toISOString()}, synced_at = ${now.toISOString()}
          where id = ${id} and status = 'checked_in'
          returning checked_in_at as "checkedInAt", check_in_distance_m as "distanceM", far_reason is not null as far`,
      );
      if (!updated.length) {
        const v = (await existingVisit(tx, id))!;
        return { ...v, status: v.status as VisitResult['status'], duplicate: true };
      }
      checkedInAt = new Date(updated[0].checkedInAt);
      distanceM = updated[0].distanceM;
      far = updated[0].far;
    }
    if (form.launch) {
      const visitDate = localDate(checkedInAt);
      await insertLaunchCheck(tx as unknown as Db, { orgId: viewer.orgId, visitId: id, retailerId: shop.id, workerId: viewer.userId, visitDate, now }, form.launch);
    }
    if (input.photos.length) {
      await tx.insert(visitPhotos).values(input.photos.map((dataUrl, i) => ({ orgId: viewer.orgId, visitId: id, seq: i + 1, dataUrl })));
    }
    let casePhotos = 0;
    const items = followUpsOf(form, { keyCustomer: policy?.keyCustomer ?? false, raisedAt: checkedInAt, keyCallbackHours: settings.keyCallbackHours, followUpHours: settings.followUpHours });
    if (items.length) {
      const stored = await tx
        .insert(followUps)
        .values(items.map((f) => ({ ...f, orgId: viewer.orgId, visitId: id, retailerId: shop.id, workerId: viewer.userId, stationId: shop.stationId, createdAt: now })))
        .onConflictDoNothing()
        .returning();
      // Each follow-up is a service-desk case too (issue 15), its first contact due when the follow-up is,
      // with the photos taken on this visit that the worker put with it as its evidence (decisions 1023, 1025).
      const checked = stored.length ? visitPhotosForCase(input.photos) : [];
      for (const f of stored) {
        const photos = photosOfCase(checked, f.kind, input.photoCases);
        casePhotos += photos.length;
        await openCaseForFollowUp(tx as unknown as Db, f, now, photos);
      }
    }
    await writeAudit(tx, viewer, { action: 'submit', entity: 'visit', entityIds: [shop.id], detail: { visitId: id, checkedInAt: checkedInAt.toISOString(), distanceM, far, followUps: items.length, ...(casePhotos ? { casePhotos } : {}), ...(input.photoCases ? { photoCases: input.photoCases } : {}), ...(form.launch ? { launchCheck: form.launch } : {}) } }, now);
    return { id, status: 'done' as const, distanceM, far, duplicate: false, followUps: items.length };
  });
}
