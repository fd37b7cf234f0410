// GET /api/home: the items of the viewer's role, each from its provider, read
// at the same moment. Providers run one after another: on the embedded
// database they share one connection anyway, and each is a statement or two.
import type { Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { addDays, isoWeekday, localDate } from '../../domain/visits/visit-cycle.js';
import type { Home, HomeItem } from '../../shared/home.js';
import { HOME_PROVIDERS, type HomeContext } from './home-registry.js';

/** 00:00 of a Beijing date, as an instant. */
const beijingMidnight = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`));

export function homeContext(db: Db, viewer: Viewer, now: Date): HomeContext {
  const today = localDate(now);
  return {
    db,
    viewer,
    now,
    today,
    monday: addDays(today, 1 - isoWeekday(today)),
    dayStart: beijingMidnight(today),
    dayEnd: beijingMidnight(addDays(today, 1)),
  };
}

export async function getHome(db: Db, viewer: Viewer, now: Date): Promise<Home> {
  const ctx = homeContext(db, viewer, now);
  const items: HomeItem[] = [];
  for (const p of HOME_PROVIDERS) {
    if (!p.roles.includes(viewer.role)) continue;
    const item = await p.load(ctx);
    if (item) items.push(item);
  }
  return { role: viewer.role, today: ctx.today, items };
}
