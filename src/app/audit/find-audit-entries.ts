// The audit log as the administrator reads it, newest first: filtered by day
// (China time), person, action and object, each row with its object's name
// read from the object's table, so an entry reads "发布 · 星级评定 2026-10"
// instead of "rating_run 3" (decision 1410).
import { sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AUDIT_EXPORT_MAX, type AuditItem, type AuditQuery } from '../../shared/audit.js';

export type AuditFilter = Omit<AuditQuery, 'page' | 'pageSize'>;

function where(viewer: Viewer, q: AuditFilter): SQL {
  return sql`a.org_id = ${viewer.orgId}
    ${q.action ? sql`and a.action = ${q.action}` : sql``}
    ${q.entity ? sql`and a.entity = ${q.entity}` : sql``}
    ${q.userId ? sql`and a.user_id = ${q.userId}` : sql``}
    ${q.from ? sql`and a.at >= (${q.from}::date)::timestamp at time zone 'Asia/Shanghai'` : sql``}
    ${q.to ? sql`and a.at < (${q.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'` : sql``}
    ${q.retailerId ? sql`and a.entity in ('retailer', 'visit', 'visit_override', 'follow_up', 'compliance_record', 'rating_freeze', 'customer_representative', 'care_special_group', 'care_task', 'care_disaster_contact', 'care_help', 'retailer_tier', 'rating_tier_cause') and ${q.retailerId} = any(a.entity_ids)` : sql``}`;
}

/** The first object's name, by kind; objects whose ids are shops name the shop. */
const objectName = sql`case
  when a.entity in ('retailer', 'visit', 'visit_override', 'compliance_record', 'rating_freeze', 'customer_representative', 'service_mode', 'delivery_points',
    'care_special_group', 'care_task', 'care_disaster_contact', 'care_help', 'retailer_tier', 'rating_tier_cause', 'notice_preferences')
    then (select r.shop_name from retailers r where r.id = a.entity_ids[1] and r.org_id = a.org_id)
  when a.entity in ('user', 'visit_depot') then (select u.display_name from users u where u.id = a.entity_ids[1] and u.org_id = a.org_id)
  when a.entity = 'grid' then (select g.name from grids g where g.id = a.entity_ids[1] and g.org_id = a.org_id)
  when a.entity in ('supply_plan', 'order_window') then (select p.week_start::text || ' ~ ' || (p.week_start + 6)::text from supply_plans p where p.id = a.entity_ids[1] and p.org_id = a.org_id)
  when a.entity in ('order', 'settlement') then (select r.shop_name || ' · ' || o.order_date::text from orders o join retailers r on r.org_id = o.org_id and r.id = o.retailer_id where o.id = a.entity_ids[1] and o.org_id = a.org_id)
  when a.entity = 'survey_round' then (select n.name from survey_rounds n where n.id = a.entity_ids[1] and n.org_id = a.org_id)
  when a.entity = 'survey_questionnaire' then (select n.definition->>'title' || ' v' || n.version from survey_questionnaires n where n.id = a.entity_ids[1] and n.org_id = a.org_id)
  when a.entity = 'rating_run' then (select n.month from rating_runs n where n.id = a.entity_ids[1] and n.org_id = a.org_id)
  when a.entity = 'follow_up' then (select r.shop_name from follow_ups f join retailers r on r.org_id = f.org_id and r.id = f.retailer_id where f.id = a.entity_ids[1] and f.org_id = a.org_id)
  when a.entity = 'care_disaster' then (select d.name from care_disasters d where d.id = a.entity_ids[1] and d.org_id = a.org_id)
  when a.entity = 'notice_template' then (a.detail->>'code') || ' v' || (a.detail->>'version')
  when a.entity = 'onboarding' then (select o.shop_name from onboardings o where o.id = a.entity_ids[1] and o.org_id = a.org_id)
  when a.entity = 'notice_campaign' then (select c.title from notice_campaigns c where c.id = a.entity_ids[1] and c.org_id = a.org_id)
  when a.entity = 'care_activity' then (select c.title from care_activities c where c.id = a.entity_ids[1] and c.org_id = a.org_id)
  when a.entity = 'emergency_request' then (select r.shop_name from emergency_requests e join retailers r on r.org_id = e.org_id and r.id = e.retailer_id where e.id = a.entity_ids[1] and e.org_id = a.org_id)
  when a.entity = 'order_correction' then (select r.shop_name || ' · ' || o.order_date::text from order_corrections c join order_lines l on l.id = c.order_line_id
    join orders o on o.org_id = l.org_id and o.id = l.order_id join retailers r on r.org_id = o.org_id and r.id = o.retailer_id where c.id = a.entity_ids[1] and c.org_id = a.org_id)
end`;

type Row = AuditItem & { at: string | Date };

export async function findAuditEntries(db: Db, viewer: Viewer, q: AuditQuery): Promise<AuditItem[]> {
  return readEntries(db, viewer, q, q.pageSize, (q.page - 1) * q.pageSize);
}

/** The newest AUDIT_EXPORT_MAX entries of the filter, for the export. */
export async function findAuditEntriesForExport(db: Db, viewer: Viewer, q: AuditFilter): Promise<AuditItem[]> {
  return readEntries(db, viewer, q, AUDIT_EXPORT_MAX, 0);
}

async function readEntries(db: Db, viewer: Viewer, q: AuditFilter, limit: number, offset: number): Promise<AuditItem[]> {
  const rows = await query<Row>(
    db,
    sql`select a.id::int as id, a.at, a.user_id as "userId", u.display_name as "userName", a.action, a.entity, a.entity_ids as "entityIds",
        ${objectName} as "objectName", a.detail, a.ip
      from audit_log a left join users u on /* cross-org: a province user or the mover of a shop */ u.id = a.user_id
      where ${where(viewer, q)}
      order by a.at desc, a.id desc limit ${limit} offset ${offset}`,
  );
  return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
}

/** The organisation's people, for the filter. */
export async function findAuditUsers(db: Db, viewer: Viewer): Promise<{ id: number; name: string }[]> {
  return query<{ id: number; name: string }>(db, sql`select id, display_name as name from users where org_id = ${viewer.orgId} order by display_name, id`);
}
