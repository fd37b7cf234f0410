// A province or city user drilled into a county reads it and writes nothing
// there (1910), yet may preview a notice template: the preview is a POST that
// writes nothing, declared so on its route (decision 1660). It still renders
// only a shop of the county looked at, with nothing personal in it; saving a
// template or sending a notice stays refused with org_read_only; a county
// outside the user's tree is refused before anything is read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { cloneCounty } from '../../src/app/demo/clone-county.js';
import { forgetOrgTree } from '../../src/app/org-tree/org-tree-queries.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let liling: number; // the demo county, under the city user's city
let youxian: number; // a second county of the same city, with shops of its own
let elsewhere: number; // a county of another province
const c = {} as Record<'province' | 'city', string>;
const db = () => t.database.db;

/** Rows any template write, send or audit would add. */
const written = async () =>
  (
    await query<{ versions: number; campaigns: number; audits: number }>(
      db(),
      sql`select (select count(*)::int from notice_templates) as versions, (select count(*)::int from notice_campaigns) as campaigns,
        (select count(*)::int from audit_log) as audits`,
    )
  )[0];

const nudge = { title: '订货即将截止', body: '${shopName}：本周订货 ${closesAt} 截止，请尽快下单。', sms: '${shopName}，本周订货${closesAt}截止，请尽快下单。' };

beforeAll(async () => {
  t = await startTestApp();
  await t.jobs.stop(0);
  [{ id: liling }] = await query<{ id: number }>(db(), sql`select id from orgs where code = 'liling'`);
  const [{ cityId, provinceId }] = await query<{ cityId: number; provinceId: number }>(
    db(),
    sql`select u.parent_id as "cityId", p.parent_id as "provinceId" from org_units u join org_units p on p.org_id = u.parent_id where u.org_id = ${liling}`,
  );
  ({ orgId: youxian } = await cloneCounty(db(), liling, { code: 'youxian', name: '攸县烟草专卖局（营销部）', adcode: '430223', parentId: cityId, usernamePrefix: 'yx_', withOrders: false }));
  // Another province with one county under it: only the tree matters to the refusal.
  const org = async (code: string, name: string) =>
    (
      await query<{ id: number }>(
        db(),
        sql`insert into orgs (code, name, adcode, boundary, center_lat, center_lng) select ${code}, ${name}, '360000', boundary, center_lat, center_lng from orgs where id = ${liling} returning id`,
      )
    )[0].id;
  const jiangxi = await org('jiangxi', '江西省烟草公司');
  elsewhere = await org('pingxiang', '萍乡市烟草专卖局（营销部）');
  await db().execute(sql`insert into org_units (org_id, parent_id, level) values (${jiangxi}, null, 'province'), (${elsewhere}, ${jiangxi}, 'county')`);
  expect(provinceId).not.toBe(jiangxi);
  forgetOrgTree();
  c.province = await t.login(['province', 'province123']);
  c.city = await t.login(['city', 'city123']);
}, 180_000);
afterAll(() => t?.close());

describe('notice template preview, drilled into a county (decision 1660)', () => {
  it('renders the unsaved text with a shop of the county looked at, nothing personal in it, and writes nothing', async () => {
    const before = await written();
    for (const who of ['province', 'city'] as const) {
      const res = await t.call(c[who], 'POST', '/api/notice-templates/window_nudge/preview', { org: liling, body: nudge });
      expect(res.statusCode, res.body).toBe(200);
      const p = res.json();
      const [shop] = await query<{ orgId: number; shopName: string; phone: string; legalPerson: string }>(
        db(),
        sql`select org_id as "orgId", shop_name as "shopName", phone, legal_person as "legalPerson" from retailers where id = ${p.retailerId}`,
      );
      expect(shop.orgId, who).toBe(liling);
      expect(p.body).toContain(shop.shopName);
      expect(p.sms.text).toContain(shop.shopName);
      expect(p.body).not.toContain('${');
      // The shop's name and licence are what a template may show; its owner and phone never appear.
      expect(res.body).not.toContain(shop.phone);
      expect(res.body).not.toContain(shop.legalPerson);
    }
    // A shop chosen in the county is the one rendered.
    const [{ id }] = await query<{ id: number }>(db(), sql`select id from retailers where org_id = ${liling} and status = 'active' order by id desc limit 1`);
    const chosen = await t.call(c.city, 'POST', '/api/notice-templates/window_nudge/preview', { org: liling, body: { ...nudge, retailerId: id } });
    expect(chosen.json().retailerId).toBe(id);
    // The checks of the text hold as for the county's own marketing.
    const bad = await t.call(c.city, 'POST', '/api/notice-templates/window_nudge/preview', { org: liling, body: { ...nudge, title: '${shopNme}' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('notice_template_variable');
    expect(await written()).toEqual(before);
  });

  it('a shop of another county is not found, even one of the same city', async () => {
    const [{ id }] = await query<{ id: number }>(db(), sql`select id from retailers where org_id = ${youxian} and status = 'active' order by id limit 1`);
    const res = await t.call(c.city, 'POST', '/api/notice-templates/window_nudge/preview', { org: liling, body: { ...nudge, retailerId: id } });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
    // Drilled into that county instead, it is the one rendered.
    const there = await t.call(c.city, 'POST', '/api/notice-templates/window_nudge/preview', { org: youxian, body: { ...nudge, retailerId: id } });
    expect(there.statusCode).toBe(200);
    expect(there.json().retailerId).toBe(id);
  });

  it('a county of another province is refused before anything is read', async () => {
    for (const who of ['province', 'city'] as const) {
      const res = await t.call(c[who], 'POST', '/api/notice-templates/window_nudge/preview', { org: elsewhere, body: nudge });
      expect(res.statusCode, who).toBe(403);
      expect(res.json().code).toBe('org_out_of_scope');
      expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('at home, without a county, the preview asks for a county first', async () => {
    const res = await t.call(c.province, 'POST', '/api/notice-templates/window_nudge/preview', { body: nudge });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('org_county_required');
  });

  it('saving the template and sending a notice stay refused with org_read_only, and change nothing', async () => {
    const before = await written();
    const [{ id }] = await query<{ id: number }>(db(), sql`select id from retailers where org_id = ${liling} and status = 'active' order by id limit 1`);
    const attempts = [
      ['/api/notice-templates/window_nudge/versions', { ...nudge, note: '', baseVersion: 1 }],
      ['/api/notice-campaigns', { title: '通知', body: '明日配送时间调整。', audience: { kind: 'retailers', retailerIds: [id] }, channel: 'inapp' }],
    ] as const;
    for (const who of ['province', 'city'] as const) {
      for (const [url, body] of attempts) {
        const res = await t.call(c[who], 'POST', url, { org: liling, body });
        expect(res.statusCode, `${who} ${url}`).toBe(403);
        expect(res.json().code).toBe('org_read_only');
        expect(res.json().message).toMatch(/只读/);
      }
    }
    expect(await written()).toEqual(before);
  });
});

describe('map selection, drilled into a county (decision 1660)', () => {
  it('a drawn rectangle lists the shops of the county looked at, none of its neighbour, and writes nothing', async () => {
    const before = await written();
    const [box] = await query<{ minLat: number; maxLat: number; minLng: number; maxLng: number }>(
      db(),
      sql`select min(lat)::float as "minLat", max(lat)::float as "maxLat", min(lng)::float as "minLng", max(lng)::float as "maxLng" from retailers where org_id = ${liling} and lat is not null`,
    );
    const ring = [
      [box.minLng - 0.01, box.minLat - 0.01],
      [box.maxLng + 0.01, box.minLat - 0.01],
      [box.maxLng + 0.01, box.maxLat + 0.01],
      [box.minLng - 0.01, box.maxLat + 0.01],
      [box.minLng - 0.01, box.minLat - 0.01],
    ];
    const counties = async (ids: number[]) =>
      new Set((await query<{ orgId: number }>(db(), sql`select distinct org_id as "orgId" from retailers where id in ${sql.raw(`(${ids.join(',') || 0})`)}`)).map((r) => r.orgId));
    for (const who of ['province', 'city'] as const) {
      const res = await t.call(c[who], 'POST', '/api/map/select', { org: liling, body: { ring } });
      expect(res.statusCode, res.body).toBe(200);
      const ids = (res.json() as { id: number }[]).map((r) => r.id);
      expect(ids.length, who).toBeGreaterThan(10);
      expect([...(await counties(ids))]).toEqual([liling]);
    }
    const there = await t.call(c.city, 'POST', '/api/map/select', { org: youxian, body: { ring } });
    expect(there.statusCode).toBe(200);
    expect([...(await counties((there.json() as { id: number }[]).map((r) => r.id)))]).toEqual([youxian]);
    const outside = await t.call(c.province, 'POST', '/api/map/select', { org: elsewhere, body: { ring } });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('org_out_of_scope');
    expect(await written()).toEqual(before);
  });
});
