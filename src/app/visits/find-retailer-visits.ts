// A shop's visit history for its file: the latest 50 visits, newest first,
// for staff who may see the shop (its scope) — the same visits the progress counts.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import type { RetailerVisit } from '../../shared/visits.js';
import { getRetailerIdInScope } from './visit-workers.js';

export async function findRetailerVisits(db: Db, viewer: Viewer, retailerId: number): Promise<RetailerVisit[]> {
  const id = await getRetailerIdInScope(db, viewer, retailerId);
  const rows = await query<RetailerVisit & { checkedInAt: string | Date }>(
    db,
    sql`select v.id::text as id, v.visit_date::text as "visitDate", v.status, u.display_name as "workerName", v.checked_in_at as "checkedInAt",
        v.check_in_distance_m as "distanceM", v.far_reason is not null as far, v.display_score as "displayScore",
        v.form->>'storeImage' as "storeImage", v.form->>'priceTags' as "priceTags",
        coalesce(v.form->>'requests', '') as requests, coalesce(v.form->>'problems', '') as problems, v.suspect_counterfeit as "suspectCounterfeit",
        v.plan_stop_id is not null as planned,
        (select count(*)::int from follow_ups f where f.visit_id = v.id) as "followUps"
      from visits v join users u on u.org_id = v.org_id and u.id = v.worker_id
      where v.org_id = ${viewer.orgId} and v.retailer_id = ${id}
      order by v.checked_in_at desc limit 50`,
  );
  return rows.map((r) => ({ ...r, checkedInAt: new Date(r.checkedInAt).toISOString() }));
}
