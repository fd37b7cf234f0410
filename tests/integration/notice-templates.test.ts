// The template editor (decision 1135) and the generators that read it (1136),
// through the HTTP app on a real database: marketing lists the templates,
// previews an edit with a real shop (SMS length and parts), saves it as a new
// version (audited, old versions kept), and the next greeting and failed-
// deduction notices read the saved text. Bad text is a 422 that names the
// problem in zh and en and writes nothing; those who may not edit get 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { generateGreetings } from '../../src/app/notices/generate-greetings.js';
import { ingestOutbox } from '../../src/app/notices/ingest-outbox.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let manager: string;
let head: string;
let admin: string;
let orgId: number;
const db = () => t.database.db;
const written = async () =>
  (await query<{ versions: number; audits: number }>(db(), sql`select (select count(*)::int from notice_templates) as versions,
    (select count(*)::int from audit_log where entity = 'notice_template') as audits`))[0];

beforeAll(async () => {
  t = await startTestApp();
  await t.jobs.stop(0);
  [manager, head, admin] = await Promise.all([t.login('county_manager'), t.login('station_head'), t.login('admin')]);
  [{ orgId }] = await query<{ orgId: number }>(db(), sql`select org_id as "orgId" from users where username = 'manager'`);
}, 120_000);
afterAll(() => t?.close());

const nudge = { title: '订货即将截止', body: '${shopName}：本周订货 ${closesAt} 截止，请尽快下单。', sms: '${shopName}，本周订货${closesAt}截止，请尽快下单。' };

describe('template editor', () => {
  it('lists every generator’s template with its variables, the built-in text as version 1', async () => {
    const res = await t.api(head, 'GET', '/api/notice-templates');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; version: number; variables: string[]; smsAllowed: boolean; createdBy: string | null }[];
    expect(items.map((i) => i.code)).toEqual(expect.arrayContaining(['order_window_open', 'window_nudge', 'supply_notice', 'greeting', 'deduction_failed', 'survey_invite', 'onboarding_deadline']));
    expect(items.every((i) => i.version === 1 && i.createdBy === null)).toBe(true);
    expect(items.find((i) => i.code === 'window_nudge')?.variables).toEqual(['shopName', 'closesAt']);
    expect(items.find((i) => i.code === 'onboarding_deadline')?.smsAllowed).toBe(false);
  });

  it('previews unsaved text with a real shop of the scope: SMS characters with the signature, and parts past 70', async () => {
    const [shop] = await query<{ id: number; name: string }>(db(), sql`select id, shop_name as name from retailers where status = 'active' order by id desc limit 1`);
    const res = await t.api(manager, 'POST', '/api/notice-templates/window_nudge/preview', { ...nudge, retailerId: shop.id });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.shopName).toBe(shop.name);
    expect(p.body).toContain(shop.name);
    expect(p.body).not.toContain('${');
    expect(p.sms.text.startsWith('【')).toBe(true);
    expect(p.sms.chars).toBe([...p.sms.text].length);
    expect(p.sms).toMatchObject({ segments: 1, overOne: false, singleChars: 70, partChars: 67 });
    // 40 more characters: over one message, billed as parts of 67.
    const long = await t.api(manager, 'POST', '/api/notice-templates/window_nudge/preview', { ...nudge, sms: `${nudge.sms}${'如有疑问请联系您的客户经理或拨打服务热线。'.repeat(2)}` });
    expect(long.json().sms).toMatchObject({ overOne: true, segments: Math.ceil(long.json().sms.chars / 67) });
    expect(long.json().sms.chars).toBeGreaterThan(70);
  });

  it('refuses bad placeholders and texts that do not fit, naming the problem, and writes nothing', async () => {
    const before = await written();
    const save = (code: string, body: object) => t.api(manager, 'POST', `/api/notice-templates/${code}/versions`, { ...nudge, baseVersion: 1, ...body });
    const braces = await save('window_nudge', { body: '{shopName}：请尽快下单。' });
    expect(braces.statusCode).toBe(422);
    expect(braces.json()).toMatchObject({ code: 'notice_template_placeholder', text: '{shopName}', details: [{ field: 'body' }] });
    expect(braces.json().message).toMatch(/占位符/);
    expect(braces.json().messageEn).toMatch(/placeholder/);
    expect((await save('window_nudge', { sms: '${shopName，请尽快下单。' })).json()).toMatchObject({ code: 'notice_template_placeholder', details: [{ field: 'sms' }] });
    const unknown = await save('window_nudge', { title: '${shopNme}订货提醒' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'notice_template_variable', variable: 'shopNme', allowed: ['shopName', 'closesAt'], details: [{ field: 'title' }] });
    // A variable another template has is still not this one's.
    expect((await save('window_nudge', { body: '${shopName}：窗口 ${opensAt} 开放。' })).json()).toMatchObject({ code: 'notice_template_variable', variable: 'opensAt' });
    expect((await save('onboarding_deadline', { title: '新办户', body: '${shopName} 待办', sms: '${shopName} 待办' })).json().code).toBe('notice_template_in_app_only');
    expect((await save('window_nudge', { sms: null })).json().code).toBe('notice_template_sms_required');
    const huge = await save('window_nudge', { sms: `${'请尽快下单'.repeat(61)}` });
    expect(huge.statusCode).toBe(422);
    expect(huge.json()).toMatchObject({ code: 'notice_sms_too_long', maxChars: 300 });
    // The preview refuses the same text the same way.
    expect((await t.api(manager, 'POST', '/api/notice-templates/window_nudge/preview', { ...nudge, body: '$shopName 请下单' })).json().code).toBe('notice_template_placeholder');
    expect((await t.api(manager, 'POST', '/api/notice-templates/no_such/versions', { ...nudge, baseVersion: 1 })).statusCode).toBe(400);
    expect(await written()).toEqual(before);
  });

  it('saves a new version (audited); the old ones stay readable; a save from a stale version is 409', async () => {
    const before = await written();
    for (const cookie of [head, admin]) expect((await t.api(cookie, 'POST', '/api/notice-templates/window_nudge/versions', { ...nudge, baseVersion: 1 })).statusCode).toBe(403);
    const v2 = await t.api(manager, 'POST', '/api/notice-templates/window_nudge/versions', { ...nudge, note: '语气更直接', baseVersion: 1 });
    expect(v2.statusCode, v2.body).toBe(201);
    expect(v2.json()).toMatchObject({ code: 'window_nudge', version: 2, body: nudge.body, note: '语气更直接', createdBy: expect.any(String), versions: 2 });
    const stale = await t.api(manager, 'POST', '/api/notice-templates/window_nudge/versions', { ...nudge, body: `${nudge.body}谢谢。`, baseVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', latest: 2 });
    expect((await t.api(manager, 'POST', '/api/notice-templates/window_nudge/versions', { ...nudge, body: `${nudge.body}谢谢。`, baseVersion: 2 })).statusCode).toBe(201);
    const versions = (await t.api(head, 'GET', '/api/notice-templates/window_nudge/versions')).json().items as { version: number; body: string; createdBy: string | null }[];
    expect(versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(versions[1].body).toBe(nudge.body);
    expect(versions[2].createdBy).toBeNull();
    expect(versions[2].body).toContain('您还没有订货');
    const after = await written();
    expect(after.versions - before.versions).toBe(2);
    expect(after.audits - before.audits).toBe(2);
    const [audit] = await query<{ action: string; detail: { code: string; version: number; body: string } }>(db(),
      sql`select action, detail from audit_log where entity = 'notice_template' order by id desc limit 1`);
    expect(audit).toMatchObject({ action: 'create', detail: { code: 'window_nudge', version: 3 } });
    // The audit log names the template and version.
    const log = (await t.api(admin, 'GET', '/api/audit?entity=notice_template')).json().items as { objectName: string | null; userName: string }[];
    expect(log.map((x) => x.objectName)).toEqual(['window_nudge v3', 'window_nudge v2']);
    const list = (await t.api(head, 'GET', '/api/notice-templates')).json().items as { code: string; version: number }[];
    expect(list.find((i) => i.code === 'window_nudge')?.version).toBe(3);
  });
});

describe('generators read the version in force', () => {
  it('festival greetings go out in the saved text, with its version', async () => {
    const body = '${shopName}，${occasionName}到了：${wish}（知音营销部）';
    expect((await t.api(manager, 'POST', '/api/notice-templates/greeting/versions', { title: '${occasionName}问候', body, sms: body, baseVersion: 1 })).statusCode).toBe(201);
    // Spring Festival 2027, 10:00 Beijing.
    const made = await generateGreetings(db(), orgId, new Date('2027-02-06T02:00:00Z'));
    expect(made.festival).toBeGreaterThan(0);
    const rows = await query<{ title: string; body: string; version: number; shop: string }>(db(), sql`select n.title, n.body, n.template_version as version, r.shop_name as shop
      from notices n join retailers r on r.id = n.retailer_id where n.template = 'greeting' and n.occasion like 'spring:%' limit 5`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r).toMatchObject({ title: '春节问候', version: 2 });
      expect(r.body).toBe(`${r.shop}，春节到了：新春佳节，恭祝您阖家幸福、生意兴隆！（知音营销部）`);
    }
  });

  it('a failed deduction reads the saved text with the shop, date and amount', async () => {
    const text = '${shopName}：${orderDate} 订单 ${amount} 元扣款未成功，请存足余额。';
    expect((await t.api(manager, 'POST', '/api/notice-templates/deduction_failed/versions', { title: '扣款提醒', body: text, sms: text, baseVersion: 1 })).statusCode).toBe(201);
    const [shop] = await query<{ id: number; name: string }>(db(), sql`select id, shop_name as name from retailers where status = 'active' order by id limit 1`);
    await db().execute(sql`insert into outbox (org_id, kind, retailer_id, user_id, dedupe_key, payload)
      values (${orgId}, 'deduction_failed', ${shop.id}, null, 'deduction_failed:test:retailer', ${JSON.stringify({ orderId: 1, orderDate: '2026-11-25', amount: 1286.5, reason: '余额不足' })}::jsonb)`);
    await ingestOutbox(db(), orgId, new Date('2026-11-25T03:00:00Z'));
    const [n] = await query<{ title: string; body: string; sms: string; version: number }>(db(), sql`select title, body, sms_text as sms, template_version as version
      from notices where dedupe_key = 'deduction_failed:test:retailer'`);
    expect(n).toEqual({ title: '扣款提醒', body: `${shop.name}：2026-11-25 订单 1286.50 元扣款未成功，请存足余额。`, sms: `${shop.name}：2026-11-25 订单 1286.50 元扣款未成功，请存足余额。`, version: 2 });
  });
});
