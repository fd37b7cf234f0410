// The demo's org tree (issue 19): 湖南省烟草公司 → 株洲市烟草公司 → the demo
// county (醴陵); a province marketing user and a city user; the province's
// complaint policy and tier shares, the county overriding the tier shares;
// and the county's roll-up row. More counties come from DEMO_SCALE=province
// (province-seed.ts); the standard demo keeps one county so every county
// screen and test reads the same data as before.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { hashPassword } from '../auth/password.js';
import { refreshCountyRollup } from '../org-tree/county-rollup.js';
import { forgetOrgTree } from '../org-tree/org-tree-queries.js';

export const DEMO_ORG_TREE = {
  province: { code: 'hunan', name: '湖南省烟草公司', adcode: '430000' },
  city: { code: 'zhuzhou', name: '株洲市烟草公司', adcode: '430200' },
} as const;

export const DEMO_REGIONAL_USERS = [
  { username: 'province', password: 'province123', displayName: '省公司营销中心', role: 'regional_marketing', org: 'province' },
  { username: 'city', password: 'city123', displayName: '株洲市公司营销中心', role: 'regional_marketing', org: 'city' },
] as const;

export async function seedDemoOrgTree(db: Db, countyOrgId: number, today: Date): Promise<{ provinceId: number; cityId: number }> {
  const add = async (o: { code: string; name: string; adcode: string }) =>
    (
      await query<{ id: number }>(
        db,
        sql`insert into orgs (code, name, adcode, boundary, center_lat, center_lng)
            select ${o.code}, ${o.name}, ${o.adcode}, boundary, center_lat, center_lng from orgs where id = ${countyOrgId} returning id`,
      )
    )[0].id;
  const provinceId = await add(DEMO_ORG_TREE.province);
  const cityId = await add(DEMO_ORG_TREE.city);
  await db.execute(
    sql`insert into org_units (org_id, parent_id, level) values (${provinceId}, null, 'province'), (${cityId}, ${provinceId}, 'city'), (${countyOrgId}, ${cityId}, 'county')`,
  );
  for (const u of DEMO_REGIONAL_USERS) {
    await db.execute(
      sql`insert into users (org_id, username, display_name, password_hash, role)
          values (${u.org === 'province' ? provinceId : cityId}, ${u.username}, ${u.displayName}, ${await hashPassword(u.password)}, ${u.role})`,
    );
  }
  // The province fixes when a breached complaint goes on to the county and the 回访 window for all (not overridable;
  // each county keeps its own deadlines and handlers, decision 1927), and sets tier shares its counties may adapt; 醴陵 does.
  await db.execute(
    sql`insert into org_rules (org_id, kind, version, body, overridable, created_at) values
        (${provinceId}, 'complaint_policy', 1, ${JSON.stringify({ countyAfterMinutes: 450, surveyWorkingDays: 2 })}::jsonb, false, ${today.toISOString()}::timestamptz),
        (${provinceId}, 'tier_shares', 1, ${JSON.stringify({ top: 5, middle: 60, bottom: 35 })}::jsonb, true, ${today.toISOString()}::timestamptz),
        (${countyOrgId}, 'tier_shares', 1, ${JSON.stringify({ top: 6, middle: 58, bottom: 36 })}::jsonb, true, ${today.toISOString()}::timestamptz)`,
  );
  forgetOrgTree();
  await refreshCountyRollup(db, countyOrgId, today);
  return { provinceId, cityId };
}
