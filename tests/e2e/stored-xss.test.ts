// Stored XSS (issue 13, item 1): markup typed into shop, grid, station and
// village names is shown as text on every screen that draws it on a map — the
// retailer card, the grid map, the field route and the representatives map.
// Two things are checked on each: no dialog opens (the payload did not run),
// and no <img src=x> element exists (the name was not parsed as HTML, which
// the Content-Security-Policy alone would not reveal).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { query } from '../../src/db/client.js';
import type { DayRoute } from '../../src/shared/visits.js';
import type { GridFeature } from '../../src/shared/grids.js';
import { launchChromium, openLoggedIn, PHONE, sessionPages } from './browser.js';
import { startWebApp, type WebApp } from './web-app.js';

const PAYLOAD = '<img src=x onerror=alert(1)>';
const WAIT = { timeout: 20_000, interval: 200 };

let web: WebApp;
let browser: Browser;
let repRetailer: number;
// One page per account for the file (decision 0855): the administrator's second map is reached inside the app.
let as: ReturnType<typeof sessionPages>;
const dialogs: string[] = [];

beforeAll(async () => {
  web = await startWebApp();
  const admin = await web.login('admin');
  // Weekly visits for everyone, so worker1 has stops today.
  const config = await web.get<{ rules: { visitsPerCycle: number }[] }>(admin, '/api/visits/config');
  await web.call(admin, 'PUT', '/api/visits/config', { rules: config.rules.map((r) => ({ ...r, visitsPerCycle: 4 })) });
  // Through the API where a user would type it: a grid worker renames a shop.
  const worker = await web.login('grid_worker');
  // The day route waits for its calendar job: a GET no longer plans one.
  const route = await web.dayRoute(worker);
  const shop = route.stops[0]!.retailer.id;
  const file = await web.get<{ version: number }>(worker, `/api/retailers/${shop}`);
  await web.call(worker, 'PATCH', `/api/retailers/${shop}`, { version: file.version, shopName: PAYLOAD });
  // The rest straight into the database: every shop, grid, station and village.
  const db = web.database.db;
  await query(db, sql`update retailers set shop_name = ${PAYLOAD} || ' ' || id`);
  await query(db, sql`update grids set name = ${PAYLOAD} || ' ' || id`);
  await query(db, sql`update stations set name = ${PAYLOAD} || ' ' || id`);
  await query(db, sql`update villages set name = ${PAYLOAD} || ' ' || id`);
  const [rep] = await query<{ id: number; orgId: number }>(db, sql`select id, org_id as "orgId" from retailers order by id limit 1`);
  await query(db, sql`insert into customer_representatives (org_id, retailer_id, status) values (${rep.orgId}, ${rep.id}, 'active')`);
  repRetailer = rep.id;
  browser = await launchChromium();
  as = sessionPages(browser, web.baseUrl);
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

const watched = new WeakSet<Page>();
async function watch(page: Page) {
  if (watched.has(page)) return;
  watched.add(page);
  page.on('dialog', async (d) => {
    dialogs.push(`${page.url()}: ${d.message()}`);
    await d.dismiss();
  });
}
const injectedImages = (page: Page) => page.locator('img[src="x"]').count();

describe('user text on maps is text', () => {
  it('the retailer card map', async () => {
    const page = await as(`/retailers/${repRetailer}`, ['admin', 'admin123']);
    await watch(page);
    const marker = page.locator('[data-testid=county-map] path.leaflet-interactive').last();
    await marker.waitFor(WAIT);
    await marker.hover({ force: true });
    await expect.poll(() => page.locator('.leaflet-tooltip').first().innerText(), WAIT).toContain(PAYLOAD);
    expect(await injectedImages(page)).toBe(0);
  });

  it('the grid map at street zoom: grid, station and town labels', async () => {
    const head = await web.login('station_head');
    const grids = await web.get<GridFeature[]>(head, '/api/map/grids');
    const g = grids.find((x) => x.centre)!;
    const page = await openLoggedIn(browser, web.baseUrl, '/map', ['station1', 'station123']);
    await watch(page);
    await page.locator('[data-testid=grid-map]').waitFor(WAIT);
    await page.evaluate(([lat, lng]) => {
      const el = document.querySelector('[data-testid=grid-map]') as HTMLElement & { zyMap: import('leaflet').Map };
      el.zyMap.setView([lat, lng], 13, { animate: false });
    }, [g.centre!.lat, g.centre!.lng] as const);
    await expect.poll(() => page.locator('.zy-grid-label').count(), WAIT).toBeGreaterThan(0);
    expect(await page.locator('.zy-grid-label').first().innerText()).toContain(PAYLOAD);
    expect(await page.locator('.zy-station-label').first().innerText()).toContain(PAYLOAD);
    expect(await page.locator('.zy-town-label').first().innerText()).toContain(PAYLOAD);
    expect(await injectedImages(page)).toBe(0);
    await page.close();
  });

  it('the field route on a phone', async () => {
    const route = await web.get<DayRoute>(await web.login('grid_worker'), '/api/visit-plans/day');
    expect(route.stops.length).toBeGreaterThan(0);
    const page = await openLoggedIn(browser, web.baseUrl, '/field', ['worker1', 'worker123'], { options: PHONE });
    await watch(page);
    const stop = page.locator('.zy-route-stop').first();
    await stop.waitFor(WAIT);
    await stop.hover({ force: true });
    await expect.poll(() => page.locator('.leaflet-tooltip').first().innerText(), WAIT).toContain('<img src=x');
    expect(await injectedImages(page)).toBe(0);
    await page.close();
  });

  it('the representatives map', async () => {
    const page = await as('/ratings', ['admin', 'admin123']);
    await watch(page);
    await page.getByTestId('tab-reps').click();
    const marker = page.locator('[data-testid=county-map] path.leaflet-interactive').last();
    await marker.waitFor(WAIT);
    await marker.hover({ force: true });
    await expect.poll(() => page.locator('.leaflet-tooltip').first().innerText(), WAIT).toContain('<img src=x');
    expect(await injectedImages(page)).toBe(0);
    await page.close();
  });

  it('no dialog opened on any screen', () => {
    expect(dialogs).toEqual([]);
  });
});
