// Birthdays of the worker's shops in the next seven days, lunar (农历) ones
// converted to this year's solar date (domain/retailers/birthday.ts). A
// worker's scope is a few hundred shops, so the conversion runs here.
import { sql } from 'drizzle-orm';
import { query } from '../../db/client.js';
import { retailerScope } from '../../db/scope.js';
import { nextBirthday } from '../../domain/retailers/birthday.js';
import { addDays } from '../../domain/visits/visit-cycle.js';
import type { HomeProvider } from './home-registry.js';
import { homeItem, homeRow, ROWS } from './home-item.js';

const DAYS = 7;

const birthdays: HomeProvider = {
  key: 'retailers.birthdays',
  roles: ['grid_worker'],
  async load({ db, viewer, today }) {
    const shops = await query<{ id: number; shopName: string; legalPerson: string | null; birthday: string; calendar: string }>(
      db,
      sql`select r.id, r.shop_name as "shopName", r.legal_person as "legalPerson", r.birthday, r.birthday_calendar as calendar
        from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id
        where ${retailerScope(viewer)} and r.status = 'active' and r.birthday is not null`,
    );
    const day = new Date(`${today}T00:00:00Z`);
    const last = addDays(today, DAYS - 1);
    const due = shops
      .map((s) => ({ ...s, next: nextBirthday(s.birthday, s.calendar, day) }))
      .filter((s): s is typeof s & { next: string } => s.next !== null && s.next <= last)
      .sort((a, b) => a.next.localeCompare(b.next) || a.id - b.id);
    return homeItem('retailers.birthdays', {
      group: 'todo',
      count: due.length,
      link: due.length ? `/retailers/${due[0].id}` : '/retailers',
      rows: due.slice(0, ROWS).map((s) =>
        homeRow({
          label: s.shopName,
          sub: s.legalPerson,
          date: s.next,
          tag: s.next === today ? 'today' : s.calendar === 'lunar' ? 'lunar' : null,
          link: `/retailers/${s.id}`,
        }),
      ),
    });
  },
};

export const retailerProviders: HomeProvider[] = [birthdays];
