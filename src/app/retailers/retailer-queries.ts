// Reading retailers, always within the viewer's scope.
import { sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { retailerScope } from '../../db/scope.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { indexTokens, normalizeSearchText, queryTokens } from '../../domain/retailers/search-tokens.js';
import type { RetailerListQuery } from '../../shared/retailer.js';
import { piiPolicy } from '../../domain/access/permissions.js';

const sortColumn: Record<RetailerListQuery['sort'], SQL> = {
  customerCode: sql`r.customer_code`,
  shopName: sql`r.shop_name_initials`,
  star: sql`r.star`,
  tier: sql`r.tier`,
  updatedAt: sql`r.updated_at`,
};

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/** The phone as `maskPhone` shows it (domain/access/masking.ts), in SQL. */
const maskedPhoneSql = sql`(case when length(r.phone) < 7 then repeat('*', length(r.phone))
  else rpad(left(r.phone, case when r.phone like '0%' then 5 else 3 end), length(r.phone) - 4, '*') || right(r.phone, 4) end)`;

function intList(values: number[]): SQL {
  return sql`(${sql.join(values.map((v) => sql`${v}`), sql`, `)})`;
}
function textList(values: string[]): SQL {
  return sql`(${sql.join(values.map((v) => sql`${v}`), sql`, `)})`;
}

/** Filter conditions shared by the list and the export. */
export function retailerFilters(
  viewer: Viewer,
  q: Omit<RetailerListQuery, 'sort' | 'order' | 'page' | 'pageSize'>,
  opts: { commonTerm?: boolean } = {},
): SQL {
  const parts: SQL[] = [retailerScope(viewer)];
  if (q.q) {
    const search: SQL[] = [];
    const needle = normalizeSearchText(q.q);
    // The stars of a masked phone (159****7015) are not indexed: ask the index for the parts between them.
    const tokens = q.q.split('*').flatMap((part) => queryTokens(part));
    // A query of only spaces, '-' or '_' normalises to nothing: it finds nothing, not everyone.
    if (!needle) search.push(sql`false`);
    if (tokens.length) {
      search.push(sql`r.search_tokens @> ${`{${indexTokens(tokens).map((t) => `"${t.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`);
    }
    // A query that is itself one n-gram (便利, 138, bld) is answered exactly by
    // the index. Longer queries re-check the substring, since their n-grams may
    // come from different places. Leaving the re-check out when it adds nothing
    // also lets the planner see how many rows a common term matches, so it
    // walks the sort index and stops at the page instead of sorting them all.
    const pattern = `%${likeEscape(needle)}%`;
    if (!piiPolicy(viewer.role).phone) {
      // The phone is masked for this role: it matches only on what the viewer
      // sees (159****7015) or as the exact full number, never on hidden digits,
      // so the number cannot be recovered digit by digit (issue 13, item 8).
      search.push(sql`(lower(r.shop_name) like ${pattern} or r.customer_code like ${pattern}
        or r.licence_no like ${pattern} or replace(${maskedPhoneSql}, '-', '') like ${pattern} or replace(r.phone, '-', '') = ${needle} or lower(r.address) like ${pattern}
        or r.legal_person like ${pattern} or r.shop_name_initials like ${pattern})`);
    } else if (!(tokens.length === 1 && tokens[0] === needle)) {
      search.push(sql`(lower(r.shop_name) like ${pattern} or r.customer_code like ${pattern}
        or r.licence_no like ${pattern} or r.phone like ${pattern} or lower(r.address) like ${pattern}
        or r.legal_person like ${pattern} or r.shop_name_initials like ${pattern})`);
    }
    const matches = sql.join(search, sql` and `);
    // For a term known to be common, hide the test from the planner's estimate
    // (an opaque expression counts as matching half the rows): see findRetailers.
    parts.push(opts.commonTerm ? sql`(case when ${matches} then true else false end)` : matches);
  }
  if (q.stationId?.length) parts.push(sql`g.station_id in ${intList(q.stationId)}`);
  if (q.gridId?.length) parts.push(sql`r.grid_id in ${intList(q.gridId)}`);
  if (q.network?.length) parts.push(sql`r.network in ${textList(q.network)}`);
  if (q.businessFormat?.length) parts.push(sql`r.business_format in ${textList(q.businessFormat)}`);
  if (q.districtType?.length) parts.push(sql`r.district_type in ${textList(q.districtType)}`);
  if (q.star?.length) parts.push(sql`r.star in ${intList(q.star)}`);
  if (q.tierMin) parts.push(sql`r.tier >= ${q.tierMin}`);
  if (q.tierMax) parts.push(sql`r.tier <= ${q.tierMax}`);
  if (q.classCode?.length) parts.push(sql`r.class_code in ${textList(q.classCode)}`);
  if (q.eSettlement) parts.push(sql`r.e_settlement = ${q.eSettlement === 'true'}`);
  if (q.status?.length) parts.push(sql`r.status::text in ${textList(q.status)}`);
  return sql.join(parts, sql` and `);
}

export type RetailerRow = {
  id: number;
  customerCode: string;
  licenceNo: string;
  shopName: string;
  address: string;
  phone: string;
  businessFormat: string;
  districtType: string;
  network: string;
  gridId: number;
  gridName: string;
  stationId: number;
  stationName: string;
  star: number;
  tier: number;
  classCode: string;
  eSettlement: boolean;
  status: string;
};

const listColumns = sql`r.id, r.customer_code as "customerCode", r.licence_no as "licenceNo", r.shop_name as "shopName",
  r.address, r.phone, r.business_format as "businessFormat", r.district_type as "districtType", r.network,
  r.grid_id as "gridId", g.name as "gridName", g.station_id as "stationId", s.name as "stationName",
  r.star, r.tier, r.class_code as "classCode", r.e_settlement as "eSettlement", r.status`;

// Joins name org_id on both sides, so a distributed engine keeps them on one shard (decision 1900).
const fromScoped = sql`from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id join stations s on s.org_id = g.org_id and s.id = g.station_id`;
/** Scope and filters need only `r` and `g`: counting skips the stations join. */
const fromCounted = sql`from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id`;

/**
 * A text search counts its matches only up to this many: a term found in a
 * fifth of a province (便利) is refined, not paged through, and counting
 * sixty thousand rows would cost more than finding the page.
 */
export const SEARCH_COUNT_CAP = 1000;
/**
 * Up to this many matches, a search's page is sorted from the matches
 * themselves (a bitmap read per match); beyond it, walking the sort index until
 * the page is full reads fewer rows. Measured on 300,000 retailers: at 5,000,
 * two-character names and initials (thousands of matches) took twice as long.
 */
const SORT_MATCHES_MAX = SEARCH_COUNT_CAP;

export async function findRetailers(db: Db, viewer: Viewer, q: RetailerListQuery, countCap = SEARCH_COUNT_CAP, sortMatchesMax = SORT_MATCHES_MAX) {
  const where = retailerFilters(viewer, q);
  const dir = q.order === 'desc' ? sql`desc` : sql`asc`;
  const offset = (q.page - 1) * q.pageSize;
  const page = sql`select ${listColumns} ${fromScoped} where ${where}
    order by ${sortColumn[q.sort]} ${dir}, r.id ${dir} limit ${q.pageSize} offset ${offset}`;
  if (!q.q) {
    const [items, count] = await Promise.all([
      query<RetailerRow>(db, page),
      query<{ total: number }>(db, sql`select count(*)::int as total ${fromCounted} where ${where}`),
    ]);
    return { total: count[0]?.total ?? 0, totalCapped: false, items };
  }
  // Find the matches once (up to the cap), count them and page them in the same
  // statement: the n-gram lookup and the substring re-check are the work, and a
  // separate count and page query would do them twice. A term with more
  // matches than that takes the sort index instead (below).
  const [found] = await query<{ total: number; items: RetailerRow[] | null }>(
    db,
    sql`with m as materialized (select r.id ${fromCounted} where ${where} limit ${sortMatchesMax + 1}),
      n as (select count(*)::int as total from m)
      select n.total, case when n.total <= ${sortMatchesMax} then (select json_agg(x) from (
          select ${listColumns} from m join retailers r on r.org_id = ${viewer.orgId} and r.id = m.id join grids g on g.org_id = r.org_id and g.id = r.grid_id join stations s on s.org_id = g.org_id and s.id = g.station_id
          order by ${sortColumn[q.sort]} ${dir}, r.id ${dir} limit ${q.pageSize} offset ${offset}) x) end as items
      from n`,
  );
  if (found.total <= sortMatchesMax) {
    const capped = found.total > countCap;
    return { total: capped ? countCap : found.total, totalCapped: capped, items: found.items ?? [] };
  }
  // A common term (来龙门 in every address of a town): the planner multiplies
  // the selectivities of the n-grams and of the substring test as if they were
  // independent, expects a handful of rows, and would fetch and sort all of
  // them. Knowing they are many, let it walk the sort order's index and stop at
  // the page (8 ms instead of 1.2 s for 23,000 matches among 300,000).
  const common = retailerFilters(viewer, q, { commonTerm: true });
  const items = await query<RetailerRow>(db, sql`select ${listColumns} ${fromScoped} where ${common}
    order by ${sortColumn[q.sort]} ${dir}, r.id ${dir} limit ${q.pageSize} offset ${offset}`);
  return { total: countCap, totalCapped: true, items };
}

export type RetailerDetailRow = RetailerRow & {
  version: number;
  legalPerson: string;
  legalPersonIdNo: string | null;
  settlementMethod: string;
  orderWeekday: number;
  familyMembers: { name: string; relation: string; phone?: string; note?: string }[];
  familyNote: string;
  specialGroups: string[];
  birthday: string | null;
  birthdayCalendar: string;
  storeImage: string;
  storeAreaM2: number | null;
  lat: number;
  lng: number;
  licenceValidUntil: string | null;
  openedOn: string | null;
  updatedAt: string;
  workerName: string | null;
  lastSettlementStatus: string | null;
};

/** One retailer in scope, or undefined (not found and out of scope look the same). */
export async function findRetailerDetail(db: Db, viewer: Viewer, id: number): Promise<RetailerDetailRow | undefined> {
  const [row] = await query<RetailerDetailRow>(db, sql`select ${listColumns}, r.version, r.legal_person as "legalPerson",
      r.legal_person_id_no as "legalPersonIdNo", r.settlement_method as "settlementMethod", r.order_weekday as "orderWeekday",
      r.family_members as "familyMembers", r.family_note as "familyNote", r.special_groups as "specialGroups",
      r.birthday, r.birthday_calendar as "birthdayCalendar", r.store_image as "storeImage", r.store_area_m2 as "storeAreaM2",
      r.lat, r.lng, r.licence_valid_until::text as "licenceValidUntil", r.opened_on::text as "openedOn",
      r.updated_at as "updatedAt", u.display_name as "workerName",
      (select o.settlement_status from orders o where o.org_id = r.org_id and o.retailer_id = r.id order by o.order_date desc, o.id desc limit 1)
        as "lastSettlementStatus"
    ${fromScoped} left join users u on u.org_id = g.org_id and u.id = g.worker_id
    where ${retailerScope(viewer)} and r.id = ${id}`);
  if (row && typeof row.updatedAt !== 'string') row.updatedAt = new Date(row.updatedAt as unknown as Date).toISOString();
  return row;
}

/** Monthly totals of confirmed orders from `from` (inclusive, YYYY-MM-DD), and the last order date ever, in one round trip. */
export async function findMonthlySales(db: Db, retailerId: number, from: string) {
  type Month = { month: string; qty: number; amount: number; orders: number };
  const [row] = await query<{ months: Month[] | null; last: string | null }>(db, sql`
    select (select json_agg(m order by m.month) from (
        select to_char(o.order_date, 'YYYY-MM') as month, sum(o.total_qty)::int as qty,
          sum(o.total_amount)::float8 as amount, count(*)::int as orders
        from orders o where o.retailer_id = ${retailerId} and o.status = 'confirmed' and o.order_date >= ${from}::date
        group by 1) m) as months,
      (select max(order_date)::text from orders where retailer_id = ${retailerId} and status = 'confirmed') as last`);
  return { months: row?.months ?? [], lastOrderDate: row?.last ?? null };
}

export async function findRetailerHistory(db: Db, viewer: Viewer, id: number) {
  const rows = await query<{
    id: number;
    at: Date | string;
    userName: string | null;
    source: string;
    reason: string | null;
    changes: { field: string; old: unknown; new: unknown }[];
  }>(db, sql`select c.id::int as id, c.at, u.display_name as "userName", c.source, c.reason, c.changes
    from retailer_changes c join retailers r on r.org_id = c.org_id and r.id = c.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
    left join users u on u.org_id = c.org_id and u.id = c.user_id
    where ${retailerScope(viewer)} and c.retailer_id = ${id} order by c.at desc, c.id desc limit 200`);
  return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
}
