// Community activities (volunteer work, donations, visits to children's and
// elderly homes, 我为群众办实事) with the shops and staff involved and photos;
// shown on each shop's file.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { query, type Db } from '../../db/client.js';
import { retailerScope } from '../../db/scope.js';
import { can } from '../../domain/access/permissions.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import type { activityCreateSchema, activitySchema, retailerCareSchema } from '../../shared/care.js';
import { writeAudit } from '../audit/audit.js';
import { storeCarePhoto } from './care-files.js';
import { findCareTasks } from './care-tasks.js';

type Activity = z.input<typeof activitySchema>;

export async function createActivity(db: Db, viewer: Viewer, input: z.output<typeof activityCreateSchema>, now: Date): Promise<{ id: number }> {
  const shopIds = [...new Set(input.retailerIds)];
  const staffIds = [...new Set(input.staffIds)];
  if (shopIds.length) {
    const found = await query<{ id: number }>(
      db,
      sql`select r.id from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id where r.id in (select (jsonb_array_elements_text(${JSON.stringify(shopIds)}::jsonb))::int) and ${retailerScope(viewer)}`,
    );
    if (found.length !== shopIds.length) throw new AppError('not_found');
  }
  if (staffIds.length) {
    const found = await query<{ id: number }>(
      db,
      sql`select id from users where org_id = ${viewer.orgId} and role <> 'retailer' and id in (select (jsonb_array_elements_text(${JSON.stringify(staffIds)}::jsonb))::int)`,
    );
    if (found.length !== staffIds.length) throw new AppError('care_unknown_staff', [{ field: 'staffIds', code: 'care_unknown_staff' }]);
  }
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const photoIds: number[] = [];
    for (const [i, p] of input.photos.entries()) photoIds.push(await storeCarePhoto(tx, viewer.orgId, viewer.userId, 'activity', p, `photos.${i}`));
    const [row] = await query<{ id: number }>(
      tx,
      sql`insert into care_activities (org_id, kind, title, held_on, place, description, photo_ids, created_by)
        values (${viewer.orgId}, ${input.kind}, ${input.title}, ${input.heldOn}, ${input.place}, ${input.description}, ${`{${photoIds.join(',')}}`}::int[], ${viewer.userId}) returning id`,
    );
    if (shopIds.length) {
      await query(tx, sql`insert into care_activity_shops (org_id, activity_id, retailer_id) select ${viewer.orgId}, ${row.id}, (jsonb_array_elements_text(${JSON.stringify(shopIds)}::jsonb))::int`);
    }
    await query(
      tx,
      sql`insert into care_activity_staff (org_id, activity_id, user_id) select ${viewer.orgId}, ${row.id}, x from (select (jsonb_array_elements_text(${JSON.stringify(staffIds.length ? staffIds : [viewer.userId])}::jsonb))::int as x) s`,
    );
    await writeAudit(tx, viewer, { action: 'create', entity: 'care_activity', entityIds: [row.id], detail: { kind: input.kind, title: input.title, shops: shopIds, staff: staffIds, photos: photoIds.length } }, now);
    return { id: row.id };
  });
}

export async function findActivities(db: Db, viewer: Viewer, filter: { retailerId?: number }): Promise<Activity[]> {
  return query<Activity>(
    db,
    sql`select a.id, a.kind, a.title, to_char(a.held_on, 'YYYY-MM-DD') as "heldOn", a.place, a.description, a.photo_ids as "photoIds",
        coalesce((select json_agg(json_build_object('id', r.id, 'name', r.shop_name) order by r.id) from care_activity_shops s join retailers r on r.org_id = s.org_id and r.id = s.retailer_id
          where s.org_id = a.org_id and s.activity_id = a.id), '[]') as shops,
        coalesce((select json_agg(json_build_object('id', u.id, 'name', u.display_name) order by u.id) from care_activity_staff s join users u on u.org_id = s.org_id and u.id = s.user_id
          where s.org_id = a.org_id and s.activity_id = a.id), '[]') as staff
      from care_activities a where a.org_id = ${viewer.orgId}
        ${filter.retailerId ? sql`and exists (select 1 from care_activity_shops s where s.org_id = a.org_id and s.activity_id = a.id and s.retailer_id = ${filter.retailerId})` : sql``}
      order by a.held_on desc, a.id desc limit 300`,
  );
}

/** The care section of a shop's file: its activities, the help it was given, its care tasks. */
export async function findRetailerCare(db: Db, viewer: Viewer, retailerId: number): Promise<z.input<typeof retailerCareSchema>> {
  const [shop] = await query<{ id: number }>(db, sql`select r.id from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id where r.id = ${retailerId} and ${retailerScope(viewer)}`);
  if (!shop) throw new AppError('not_found');
  const activities = (await findActivities(db, viewer, { retailerId })).map(({ id, kind, title, heldOn, photoIds }) => ({ id, kind, title, heldOn, photoIds }));
  const help = await query<z.input<typeof retailerCareSchema>['help'][number]>(
    db,
    sql`select h.id, h.retailer_id as "retailerId", r.shop_name as "shopName", h.kind, h.amount_yuan::float8 as "amountYuan", h.description, a.display_name as "approverName",
        to_char(h.given_on, 'YYYY-MM-DD') as "givenOn", c.display_name as "recordedBy", d.name as "disasterName"
      from care_help h join retailers r on r.org_id = h.org_id and r.id = h.retailer_id join care_disasters d on d.org_id = h.org_id and d.id = h.disaster_id
      join users a on a.org_id = h.org_id and a.id = h.approver_id left join users c on c.org_id = h.org_id and c.id = h.created_by
      where h.org_id = ${viewer.orgId} and h.retailer_id = ${retailerId} order by h.given_on desc`,
  );
  const tasks = can(viewer.role, 'care.work') ? await findCareTasks(db, viewer, { status: 'all', retailerId }) : [];
  return { activities, help, tasks };
}
