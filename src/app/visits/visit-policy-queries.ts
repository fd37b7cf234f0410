// Each retailer's visit policy: the org's frequency rules applied to the
// retailer's stars and class (and service package, once issue 5 provides it),
// then the retailer's own override.
import { sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { resolveVisitPolicy, type FrequencyRule, type VisitPolicy } from '../../domain/visits/visit-policy.js';

export type RetailerPolicy = VisitPolicy & { id: number; lat: number; lng: number; orderWeekday: number };

/**
 * The retailer's service package: the relationship segment (close, stable_a,
 * stable_b, unstable) of the latest published rating month (issue 5). A
 * frequency rule written for a package wins over the star rules; a retailer
 * never rated has none and the star rules decide.
 */
const servicePackageSql = sql`(select rr.segment from retailer_ratings rr join rating_runs rn on rn.org_id = rr.org_id and rn.id = rr.run_id
  where rr.retailer_id = r.id and rn.status = 'published' order by rn.month desc limit 1)`;

type Row = {
  id: number;
  lat: number;
  lng: number;
  star: number;
  classCode: string;
  businessFormat: string;
  orderWeekday: number;
  servicePackage: string | null;
  oVisits: number | null;
  oService: number | null;
  oKey: boolean | null;
  oOpens: number | null;
  oCloses: number | null;
};

/** Policies of the active retailers matching `where` (aliases r = retailers, g = grids). */
export async function findRetailerPolicies(db: Db, where: SQL, rules: readonly FrequencyRule[]): Promise<RetailerPolicy[]> {
  const rows = await query<Row>(
    db,
    sql`select r.id, r.lat, r.lng, r.star, r.class_code as "classCode", r.business_format as "businessFormat", r.order_weekday as "orderWeekday",
        ${servicePackageSql} as "servicePackage",
        o.visits_per_cycle as "oVisits", o.service_minutes as "oService", o.key_customer as "oKey", o.opens_at as "oOpens", o.closes_at as "oCloses"
      from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id
      left join retailer_visit_overrides o on o.org_id = r.org_id and o.retailer_id = r.id
      where ${where}
      order by r.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    lat: r.lat,
    lng: r.lng,
    orderWeekday: r.orderWeekday,
    ...resolveVisitPolicy(r, rules, { visitsPerCycle: r.oVisits, serviceMinutes: r.oService, keyCustomer: r.oKey, opensAt: r.oOpens, closesAt: r.oCloses }),
  }));
}
