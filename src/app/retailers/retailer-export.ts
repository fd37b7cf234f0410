// Reading retailers for an export, a page at a time, so a province's file
// (300,000 rows) never sits in memory. The ids come first, in file order, in
// one statement: the audit entry names exactly them before any row leaves,
// and each page is read by id in its own short statement, holding no
// transaction or cursor open while a slow client downloads (decision 008).
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { retailerFilters } from './retailer-queries.js';
import { retailerScope } from '../../db/scope.js';
import type { Viewer } from '../../domain/access/viewer.js';
import type { FileFields } from '../../domain/retailers/import-columns.js';
import type { RetailerListQuery } from '../../shared/retailer.js';

export const EXPORT_PAGE_SIZE = 5000;

export type ExportRow = FileFields & { id: number };

/** The ids of every retailer matching the filters within scope, in file order (customer code). */
export async function findRetailerIdsForExport(db: Db, viewer: Viewer, q: RetailerListQuery): Promise<number[]> {
  // One array, not a row object per retailer (300,000 ids are 2 MB of text).
  const [row] = await query<{ ids: number[] }>(db, sql`select coalesce(array_agg(r.id order by r.customer_code), '{}') as ids
    from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id where ${retailerFilters(viewer, q)}`);
  return row.ids;
}

/**
 * The file columns of those retailers, `pageSize` at a time, in the ids'
 * order. Scope is applied again: a retailer moved out of the viewer's scope
 * since the ids were read is left out, never shown.
 */
export async function* findRetailerExportPages(db: Db, viewer: Viewer, ids: number[], pageSize = EXPORT_PAGE_SIZE): AsyncGenerator<ExportRow[]> {
  for (let i = 0; i < ids.length; i += pageSize) {
    const page = ids.slice(i, i + pageSize);
    yield query<ExportRow>(db, sql`select r.id, r.customer_code as "customerCode", r.licence_no as "licenceNo",
        r.shop_name as "shopName", r.address, r.phone, r.legal_person as "legalPerson", r.legal_person_id_no as "legalPersonIdNo",
        r.business_format as "businessFormat", r.district_type as "districtType", r.network, g.code as "gridCode",
        r.e_settlement as "eSettlement", r.settlement_method as "settlementMethod", r.order_weekday as "orderWeekday",
        r.family_note as "familyNote", r.special_groups as "specialGroups", r.birthday, r.birthday_calendar as "birthdayCalendar",
        r.store_image as "storeImage", r.store_area_m2 as "storeAreaM2", r.lat, r.lng, r.status
      from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id
      where ${retailerScope(viewer)} and r.id = any(${`{${page.join(',')}}`}::int[])
      order by r.customer_code`);
  }
}
