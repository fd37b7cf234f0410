// The care calendar: which visits the branch owes its shops in a span of
// days. A shop in the special-group register is visited on its birthday
// (lunar or solar, as its file says) and, if it is elderly living alone or
// in the register at all, in the days before Spring Festival. Licence
// anniversaries are greeted through the notices outbox, not visited.
import { Lunar } from 'lunar-typescript';
import { nextBirthday } from '../retailers/birthday.js';
import { addDays } from './recovery.js';

export type CareShop = { id: number; shopName: string; birthday: string | null; birthdayCalendar: string; openedOn: string | null; groups: string[] };
export type CareOccasion = { retailerId: number; kind: 'birthday_visit' | 'spring_festival_visit'; dueOn: string; key: string; title: string };
export type Anniversary = { retailerId: number; date: string; years: number; key: string };

/** Spring Festival visits are due this many days before the festival. */
export const SPRING_VISIT_DAYS_BEFORE = 5;

/** The Gregorian date of Spring Festival (正月初一) of this lunar year. */
export function springFestival(lunarYear: number): string {
  const s = Lunar.fromYmd(lunarYear, 1, 1).getSolar();
  return `${s.getYear()}-${pad(s.getMonth())}-${pad(s.getDay())}`;
}

/** Visits due from `from` for `days` days (inclusive of from, exclusive of the end). */
export function careOccasions(shops: CareShop[], from: string, days: number): CareOccasion[] {
  const until = addDays(from, days);
  const out: CareOccasion[] = [];
  const year = Number(from.slice(0, 4));
  const springs = [year, year + 1].map(springFestival).map((d) => ({ festival: d, due: addDays(d, -SPRING_VISIT_DAYS_BEFORE) }));
  for (const shop of shops) {
    if (shop.groups.length === 0) continue;
    const b = nextBirthday(shop.birthday, shop.birthdayCalendar, new Date(`${from}T00:00:00Z`));
    if (b && b < until) out.push({ retailerId: shop.id, kind: 'birthday_visit', dueOn: b, key: `birthday:${shop.id}:${b}`, title: `${shop.shopName} 生日走访` });
    for (const s of springs) {
      if (s.due >= from && s.due < until) out.push({ retailerId: shop.id, kind: 'spring_festival_visit', dueOn: s.due, key: `spring:${shop.id}:${s.festival.slice(0, 4)}`, title: `${shop.shopName} 春节走访慰问` });
    }
  }
  return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.retailerId - b.retailerId);
}

/** Shops whose licence (opening) anniversary is on `date`, a whole number of years ≥ 1 later. */
export function licenceAnniversaries(shops: Pick<CareShop, 'id' | 'openedOn'>[], date: string): Anniversary[] {
  const out: Anniversary[] = [];
  for (const s of shops) {
    if (!s.openedOn) continue;
    const years = Number(date.slice(0, 4)) - Number(s.openedOn.slice(0, 4));
    if (years < 1) continue;
    let md = s.openedOn.slice(5);
    // Opened on 29 February: greeted on 28 February in common years.
    if (md === '02-29' && !isLeap(Number(date.slice(0, 4)))) md = '02-28';
    if (date.slice(5) === md) out.push({ retailerId: s.id, date, years, key: `licence_anniversary:${date.slice(0, 4)}:${s.id}` });
  }
  return out;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
