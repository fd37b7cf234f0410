// The service desk's journey (issue 15, "Done means"): the call-centre agent
// logs a supply complaint from a call; the station head sees it routed to
// them with the allocation's reason beside it; the clock moves past its
// deadline, the sweep job marks the breach and escalates; the handler replies
// and closes; the retailer reads the reply on their phone and answers 不满意;
// the case reopens.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import pino from 'pino';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { query } from '../../src/db/client.js';
import { createJobRunner } from '../../src/jobs/registry.js';
import { enqueueJob } from '../../src/jobs/job-queue.js';
import { deskSweepJob } from '../../src/jobs/desk-sweep.js';
import type { JobRunner } from '../../src/jobs/runner.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';
import { DEFAULT_DEMO } from '../support/db-template.js';
import { DEMO_ACCOUNTS, TODAY, type DemoRole } from '../support/test-app.js';
import { launchChromium, PHONE, sessionPages, shot, SHOTS } from './browser.js';
import { WEB_DIR } from './web-app.js';

let database: TestDatabase;
let app: FastifyInstance;
let jobs: JobRunner;
let browser: Browser;
// One page per account for the file (decision 0855): a role's later tests move to their screen inside the app.
let as: ReturnType<typeof sessionPages>;
let base = '';
let clock = TODAY;
const pageErrors: string[] = [];
let shop: { id: number; shopName: string };
let caseId = 0;

async function cookieOf(role: DemoRole) {
  const [username, password] = DEMO_ACCOUNTS[role];
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  return `zy_session=${res.cookies.find((k) => k.name === 'zy_session')!.value}`;
}
async function call(role: DemoRole, method: string, url: string, body?: unknown) {
  const res = await app.inject({ method: method as 'GET', url, headers: { cookie: await cookieOf(role) }, ...(body ? { payload: body as object } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  database = await createTestDatabase({ demo: DEFAULT_DEMO });
  app = await buildApp({ db: database.db, now: () => clock, webDir: WEB_DIR });
  jobs = createJobRunner(database, { log: pino({ level: 'silent' }), now: () => clock, pollMs: 200 });
  await jobs.start();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  // This week's supply plan, allocated and published: the complaint's allocation reason comes from it.
  const plan = await call('county_manager', 'POST', '/api/supply-plans', { weekStart: '2026-11-23' });
  await call('county_manager', 'POST', `/api/supply-plans/${plan.plan.id}/allocate`);
  await jobs.waitIdle();
  await call('county_manager', 'POST', `/api/supply-plans/${plan.plan.id}/publish`);
  [shop] = await query<{ id: number; shopName: string }>(
    database.db,
    sql`select r.id, r.shop_name as "shopName" from users u join retailers r on r.id = u.retailer_id where u.username = 'retailer'`,
  );
  browser = await launchChromium();
  as = sessionPages(browser, base, { pageErrors });
});

afterAll(async () => {
  await browser?.close();
  await jobs?.stop(0);
  await app?.close();
  await database?.drop();
});

describe('the service desk, from the call to the reopened case', () => {
  it('the agent logs a supply complaint from a call, by keyboard', async () => {
    const page = await as('/desk', DEMO_ACCOUNTS.call_agent);
    await page.getByTestId('desk-intake').waitFor();
    await page.locator('#desk-shop').fill(shop.shopName);
    await page.locator('#desk-shop').press('Enter');
    await page.getByTestId('desk-shop-option').first().waitFor();
    await page.locator('#desk-text').fill('这周紧俏烟一条都没分到，想知道为什么');
    await shot(page, { path: `${SHOTS}/desk-1-intake.png` });
    await page.locator('#desk-text').press('Control+Enter');
    // The shop may have cases of its own already: wait for this one.
    const logged = async () =>
      ((await call('call_agent', 'GET', `/api/desk/cases?retailerId=${shop.id}`)).items as { id: number; text: string }[]).find((c) => c.text.startsWith('这周紧俏烟'));
    await expect.poll(async () => (await logged())?.id ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
    caseId = (await logged())!.id;
    await page.getByTestId(`case-row-${caseId}`).waitFor();
    await shot(page, { path: `${SHOTS}/desk-2-logged.png` });
    await page.context().close();
  });

  it('the station head sees it routed to them with the allocation reason beside it', async () => {
    const page = await as('/desk', DEMO_ACCOUNTS.station_head);
    await page.getByTestId(`case-row-${caseId}`).click();
    await page.getByTestId('case-linked').waitFor();
    expect(await page.getByTestId('case-detail').getByTestId('due-breached').count()).toBe(0);
    await expect.poll(() => page.getByTestId('allocation-reason').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('allocation-reason').first().innerText()).toMatch(/[\u4e00-\u9fff]/);
    await shot(page, { path: `${SHOTS}/desk-3-head-case.png` });
  });

  it('breaches once the clock passes its deadline, and escalates', async () => {
    const before = (await call('station_head', 'GET', `/api/desk/cases/${caseId}`)).case;
    expect(before.escalation).toBe(0);
    clock = new Date(Date.parse(before.dueAt) + 60_000);
    await enqueueJob(database.db, deskSweepJob, {});
    await jobs.waitIdle();
    const after = (await call('station_head', 'GET', `/api/desk/cases/${caseId}`)).case;
    expect(after.breachedAt).not.toBeNull();
    expect(after.escalation).toBe(1);
    const page = await as('/desk', DEMO_ACCOUNTS.station_head);
    await page.getByTestId(`case-row-${caseId}`).getByTestId('due-breached').waitFor();
    await page.getByTestId(`case-row-${caseId}`).click();
    await page.getByTestId('event-escalation').waitFor();
    await page.getByTestId('event-escalation').scrollIntoViewIfNeeded();
    await shot(page, { path: `${SHOTS}/desk-4-breached.png` });

    // The handler replies and closes.
    await page.locator('#case-text').fill('您本周档位的紧俏烟配额已用完，下周将按档位优先安排。');
    await page.getByTestId('case-reply').click();
    await page.getByTestId('event-reply').waitFor();
    await page.getByTestId('case-close').click();
    await page.getByTestId('event-close').waitFor();
    expect((await call('station_head', 'GET', `/api/desk/cases/${caseId}`)).case.status).toBe('closed');
  });

  it('the retailer reads the reply on their phone and answers 不满意: the case reopens', async () => {
    const page = await as('/my-cases', DEMO_ACCOUNTS.retailer, PHONE);
    const card = page.getByTestId(`my-case-${caseId}`);
    await card.waitFor();
    expect(await card.getByTestId('my-reply').first().innerText()).toContain('下周将按档位优先安排');
    await shot(page, { path: `${SHOTS}/desk-5-phone-reply.png`, fullPage: true });
    await card.getByTestId('my-survey').getByRole('button', { name: '不满意' }).click();
    await expect.poll(async () => (await call('station_head', 'GET', `/api/desk/cases/${caseId}`)).case.status, { timeout: 15_000 }).toBe('open');
    await expect.poll(() => card.getByTestId('my-survey').count(), { timeout: 15_000 }).toBe(0);
    await shot(page, { path: `${SHOTS}/desk-6-phone-reopened.png`, fullPage: true });
    const d = await call('station_head', 'GET', `/api/desk/cases/${caseId}`);
    expect(d.case.reopenCount).toBe(1);
    expect(d.events.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['breach', 'escalation', 'reply', 'close', 'survey', 'reopen']));
    expect(pageErrors).toEqual([]);
  });

  it('the retailer reports a damaged delivery with a photo from the phone; it shows on the case', async () => {
    const page = await as('/my-cases', DEMO_ACCOUNTS.retailer, PHONE);
    await page.getByTestId('my-case-text').fill('今天到货有两条外包装压坏了，照片附上');
    // A real picture, drawn in the page: the form shrinks it to a JPEG before it is sent.
    const png = await page.evaluate(() => {
      const c = document.createElement('canvas');
      [c.width, c.height] = [640, 480];
      const g = c.getContext('2d')!;
      g.fillStyle = '#8d6e63';
      g.fillRect(0, 0, 640, 480);
      g.fillStyle = '#ffffff';
      g.fillRect(120, 140, 400, 200);
      g.fillStyle = '#c62828';
      g.font = 'bold 72px sans-serif';
      g.fillText('破损', 250, 265);
      return c.toDataURL('image/png').split(',')[1];
    });
    await page.getByTestId('add-photo').locator('input').setInputFiles({ name: 'box.png', mimeType: 'image/png', buffer: Buffer.from(png, 'base64') });
    await page.getByTestId('picked-photo').waitFor();
    await shot(page, { path: `${SHOTS}/desk-8-phone-photo-form.png`, fullPage: true });
    await page.getByTestId('my-case-submit').click();
    await expect.poll(async () => (await call('retailer', 'GET', '/api/my/cases')).items.find((c: { text: string }) => c.text.startsWith('今天到货'))?.photos, { timeout: 15_000 }).toEqual([1]);
    const id = (await call('retailer', 'GET', '/api/my/cases')).items.find((c: { text: string }) => c.text.startsWith('今天到货')).id;
    const shown = page.getByTestId(`my-case-${id}`).getByTestId('case-photos').locator('img');
    await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.getByTestId(`my-case-${id}`).scrollIntoViewIfNeeded();
    await shot(page, { path: `${SHOTS}/desk-9-phone-photo-case.png` });
    await page.context().close();
    // The handler sees it beside the text in the case drawer.
    const desk = await as(`/desk?case=${id}`, DEMO_ACCOUNTS.station_head);
    const inDrawer = desk.getByTestId('case-detail').getByTestId('case-photos').locator('img');
    await expect.poll(() => inDrawer.evaluate((img: HTMLImageElement) => img.naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0);
    await shot(desk, { path: `${SHOTS}/desk-9b-case-photo.png` });
    await desk.context().close();
  });

  it('the county edits the deadline policy: a negative time is refused in plain words, a fixed one saved as a new version', async () => {
    const before = (await call('county_manager', 'GET', '/api/desk/policy')).version;
    const page = await as('/desk-policy', DEMO_ACCOUNTS.county_manager);
    await page.getByTestId('policy-row-0').waitFor();
    // The demo province fixes two of the fields for its counties (decision 1927); the county saves the rest.
    expect(await page.getByTestId('policy-inherited').innerText()).toMatch(/湖南省烟草公司第 1 版执行，县局不能修改/);
    const first = page.getByTestId('limit-0-firstContactMinutes');
    await first.fill('-2');
    await page.getByTestId('policy-save').click();
    await page.getByTestId('policy-errors').waitFor();
    expect(await page.getByTestId('policy-errors').innerText()).toContain('第 1 行：时限应为大于 0 的分钟数');
    await shot(page, { path: `${SHOTS}/desk-10-policy-refused.png`, fullPage: true });
    await first.fill('1');
    await page.getByTestId('policy-save').click();
    await expect.poll(async () => (await call('county_manager', 'GET', '/api/desk/policy')).version, { timeout: 15_000 }).toBe(before + 1);
    await page.getByTestId('policy-errors').waitFor({ state: 'detached' });
    await shot(page, { path: `${SHOTS}/desk-11-policy-saved.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('the county approves a proposed reward in the ledger', async () => {
    const rewards = async () => (await call('county_manager', 'GET', '/api/desk/rewards')).items as { id: number; status: string }[];
    const proposed = (await rewards()).find((w) => w.status === 'proposed')!;
    const page = await as('/desk', DEMO_ACCOUNTS.county_manager);
    const ledger = page.getByTestId('reward-ledger');
    await ledger.getByTestId(`reward-approve-${proposed.id}`).waitFor();
    await ledger.scrollIntoViewIfNeeded();
    await shot(page, { path: `${SHOTS}/desk-7-rewards.png`, fullPage: true });
    await ledger.getByTestId(`reward-approve-${proposed.id}`).click();
    await ledger.getByTestId(`reward-given-${proposed.id}`).waitFor();
    expect((await rewards()).find((w) => w.id === proposed.id)!.status).toBe('approved');
    await page.context().close();
    expect(pageErrors).toEqual([]);
  });
});
