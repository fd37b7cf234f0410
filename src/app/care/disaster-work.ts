// Work on a disaster's shops: the contact checklist (by the shop's worker or
// anyone with it in scope), the help ledger (amount, approver, date checked),
// and the rating freezes of the affected months through the existing freeze
// table — a published month is skipped and said so.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { query, type Db } from '../../db/client.js';
import { retailerScope } from '../../db/scope.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import { HELP_WITH_AMOUNT, type contactSchema, type helpCreateSchema } from '../../shared/care.js';
import { writeAudit } from '../audit/audit.js';
import { findMonthRun } from '../rating/rating-runs.js';
import { localDate } from './care-dates.js';
import { freezeReason } from './disasters.js';

async function affectedShop(db: Db, viewer: Viewer, disasterId: number, retailerId: number): Promise<{ occurredOn: string }> {
  const [d] = await query<{ occurredOn: string }>(db, sql`select to_char(occurred_on, 'YYYY-MM-DD') as "occurredOn" from care_disasters where org_id = ${viewer.orgId} and id = ${disasterId}`);
  if (!d) throw new AppError('not_found');
  const [shop] = await query<{ id: number }>(
    db,
    sql`select s.retailer_id as id from care_disaster_shops s join retailers r on r.org_id = s.org_id and r.id = s.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
      where s.org_id = ${viewer.orgId} and s.disaster_id = ${disasterId} and s.retailer_id = ${retailerId} and (s.worker_id = ${viewer.userId} or ${retailerScope(viewer)})`,
  );
  if (!shop) throw new AppError('care_not_affected', [{ field: 'retailerId', code: 'care_not_affected' }]);
  return d;
}

export async function recordContact(db: Db, viewer: Viewer, disasterId: number, retailerId: number, input: z.output<typeof contactSchema>, now: Date): Promise<{ ok: true }> {
  await affectedShop(db, viewer, disasterId, retailerId);
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await query(
      tx,
      sql`update care_disaster_shops set reached = ${input.reached}, safe = ${input.reached ? input.safe : null}, damaged = ${input.reached ? input.damaged : null},
        losses_yuan = ${input.reached ? input.lossesYuan : null}, losses_note = ${input.lossesNote}, contacted_at = ${now.toISOString()}::timestamptz, contacted_by = ${viewer.userId}
        where org_id = ${viewer.orgId} and disaster_id = ${disasterId} and retailer_id = ${retailerId}`,
    );
    // Reached: the contact task is done. Not reached: it stays open, to try again.
    if (input.reached) {
      await query(
        tx,
        sql`update care_tasks set status = 'done', done_at = ${now.toISOString()}::timestamptz, done_by = ${viewer.userId}
          where org_id = ${viewer.orgId} and dedupe_key = ${`disaster:${disasterId}:${retailerId}`} and status = 'open'`,
      );
    }
    await writeAudit(tx, viewer, { action: 'update', entity: 'care_disaster_contact', entityIds: [retailerId], detail: { disasterId, ...input } }, now);
    return { ok: true as const };
  });
}

export async function addHelp(db: Db, viewer: Viewer, disasterId: number, input: z.output<typeof helpCreateSchema>, now: Date): Promise<{ id: number }> {
  const { occurredOn } = await affectedShop(db, viewer, disasterId, input.retailerId);
  if (HELP_WITH_AMOUNT.includes(input.kind) && !(input.amountYuan > 0)) throw new AppError('care_help_amount', [{ field: 'amountYuan', code: 'care_help_amount' }]);
  if (input.givenOn < occurredOn || input.givenOn > localDate(now)) throw new AppError('care_help_date', [{ field: 'givenOn', code: 'care_help_date' }]);
  const [approver] = await query<{ id: number }>(
    db,
    sql`select id from users where org_id = ${viewer.orgId} and id = ${input.approverId} and active and role in ('station_head', 'county_manager')`,
  );
  if (!approver) throw new AppError('care_help_approver', [{ field: 'approverId', code: 'care_help_approver' }]);
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [row] = await query<{ id: number }>(
      tx,
      sql`insert into care_help (org_id, disaster_id, retailer_id, kind, amount_yuan, description, approver_id, given_on, created_by)
        values (${viewer.orgId}, ${disasterId}, ${input.retailerId}, ${input.kind}, ${input.amountYuan}, ${input.description}, ${input.approverId}, ${input.givenOn}, ${viewer.userId}) returning id`,
    );
    await writeAudit(tx, viewer, { action: 'create', entity: 'care_help', entityIds: [input.retailerId], detail: { disasterId, helpId: row.id, kind: input.kind, amountYuan: input.amountYuan, approverId: input.approverId } }, now);
    return { id: row.id };
  });
}

/** Freezes the ratings of every shop of the disaster for the months not yet published. */
export async function freezeDisasterMonths(db: Db, viewer: Viewer, disasterId: number, months: string[], now: Date): Promise<{ frozen: number; skippedPublished: string[] }> {
  const [d] = await query<{ id: number }>(db, sql`select id from care_disasters where org_id = ${viewer.orgId} and id = ${disasterId}`);
  if (!d) throw new AppError('not_found');
  const skippedPublished: string[] = [];
  const open: string[] = [];
  for (const m of [...new Set(months)].sort()) ((await findMonthRun(db, viewer.orgId, m, true)) ? skippedPublished : open).push(m);
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    let frozen = 0;
    for (const month of open) {
      const rows = await query(
        tx,
        sql`insert into rating_freezes (org_id, retailer_id, month, reason, created_by)
          select s.org_id, s.retailer_id, ${month}, ${freezeReason(disasterId)}, ${viewer.userId} from care_disaster_shops s
          where s.org_id = ${viewer.orgId} and s.disaster_id = ${disasterId}
          on conflict (org_id, retailer_id, month) do nothing returning id`,
      );
      frozen += rows.length;
    }
    await writeAudit(tx, viewer, { action: 'update', entity: 'care_disaster', entityIds: [disasterId], detail: { op: 'freeze', months: open, skippedPublished, frozen } }, now);
    return { frozen, skippedPublished };
  });
}

/** Station heads and county managers of the org: who may approve help. */
export async function findHelpApprovers(db: Db, orgId: number): Promise<{ id: number; name: string; role: string }[]> {
  return query(db, sql`select id, display_name as name, role::text as role from users where org_id = ${orgId} and active and role in ('station_head', 'county_manager') order by role, id`);
}
