// The province data set (issue 19, decision 1913): the demo county's province
// filled to `counties` counties in 14 cities (湖南's), each county a set-based
// copy of the generated demo county (clone-county.ts) with its own code,
// name and usernames (`c017_manager`, `c017_worker1`, …). For benchmarks
// (`npm run bench:province`) and `DEMO_SCALE=province` on a PostgreSQL server.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { forgetOrgTree } from '../org-tree/org-tree-queries.js';
import { cloneCounty } from './clone-county.js';
import { DEMO_ORG_TREE } from './demo-seed-org-tree.js';

export const HUNAN_CITIES = [
  ['zhuzhou', '株洲市'],
  ['changsha', '长沙市'],
  ['xiangtan', '湘潭市'],
  ['hengyang', '衡阳市'],
  ['shaoyang', '邵阳市'],
  ['yueyang', '岳阳市'],
  ['changde', '常德市'],
  ['zhangjiajie', '张家界市'],
  ['yiyang', '益阳市'],
  ['chenzhou', '郴州市'],
  ['yongzhou', '永州市'],
  ['huaihua', '怀化市'],
  ['loudi', '娄底市'],
  ['xiangxi', '湘西州'],
] as const;

export type ProvinceSeedOptions = {
  /** Counties in all, the demo county included (default 100). */
  counties?: number;
  /** Copy the order history of the template into this many of the copies (default all). */
  withOrders?: number;
  /** With orders: only those on or after this day (YYYY-MM-DD). Default all. */
  ordersSince?: string;
  /** Copy the template's weekly demand roll-up too (the forecast benchmark, decision 1818). */
  demandWeeks?: boolean;
  onProgress?: (done: number, total: number) => void;
};

/** Adds cities and counties under the demo province until it has `counties` counties; returns the new county ids. */
export async function seedProvince(db: Db, opts: ProvinceSeedOptions = {}): Promise<{ countyIds: number[] }> {
  const total = opts.counties ?? 100;
  const [tree] = await query<{ provinceId: number; cityId: number; templateId: number }>(
    db,
    sql`select p.id as "provinceId", c.id as "cityId", t.id as "templateId" from orgs p join orgs c on c.code = ${DEMO_ORG_TREE.city.code}
        join org_units u on u.parent_id = c.id and u.level = 'county' join orgs t on t.id = u.org_id
        where p.code = ${DEMO_ORG_TREE.province.code} order by t.id limit 1`,
  );
  if (!tree) throw new Error('the demo org tree is not seeded');
  const [{ existing }] = await query<{ existing: number }>(db, sql`select count(*)::int as existing from org_units where level = 'county'`);
  const cityIds = new Map<string, number>([[DEMO_ORG_TREE.city.code, tree.cityId]]);
  for (const [code, name] of HUNAN_CITIES) {
    if (cityIds.has(code)) continue;
    const [found] = await query<{ id: number }>(db, sql`select id from orgs where code = ${code}`);
    const id =
      found?.id ??
      (
        await query<{ id: number }>(
          db,
          sql`insert into orgs (code, name, adcode, boundary, center_lat, center_lng)
              select ${code}, ${name + '烟草公司'}, adcode, boundary, center_lat, center_lng from orgs where id = ${tree.cityId} returning id`,
        )
      )[0].id;
    if (!found) await db.execute(sql`insert into org_units (org_id, parent_id, level) values (${id}, ${tree.provinceId}, 'city')`);
    cityIds.set(code, id);
  }
  const countyIds: number[] = [];
  const toMake = Math.max(0, total - existing);
  const withOrders = opts.withOrders ?? toMake;
  for (let i = 0; i < toMake; i++) {
    const n = existing + i + 1;
    const [code, cityName] = HUNAN_CITIES[n % HUNAN_CITIES.length];
    const tag = `c${String(n).padStart(3, '0')}`;
    const { orgId } = await cloneCounty(db, tree.templateId, {
      code: `${code}-${tag}`,
      name: `${cityName}第${n}县局（营销部）`,
      adcode: '430281',
      parentId: cityIds.get(code)!,
      usernamePrefix: `${tag}_`,
      withOrders: i < withOrders,
      ordersSince: opts.ordersSince,
      demandWeeks: opts.demandWeeks,
    });
    countyIds.push(orgId);
    opts.onProgress?.(i + 1, toMake);
  }
  for (const table of ['retailers', 'orders', 'order_lines', 'grids', 'users', ...(opts.demandWeeks ? ['demand_weeks'] : [])]) await db.execute(sql.raw(`analyze ${table}`));
  forgetOrgTree();
  return { countyIds };
}
