// Greetings: on a lunar festival every active shop, on its birthday (lunar or
// solar, as its file says) the shop itself; from 09:00 Beijing, by the shop's
// channel (WeChat when bound, else SMS; a shop may mute greetings). The key
// (festival and lunar year, or birthday and date) makes the hourly run send
// each once.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { insertNotices, queueDeliveriesFor, type NoticeInsert } from '../../db/notice-writes.js';
import { festivalOn } from '../../domain/notices/festivals.js';
import { renderWith } from '../../domain/notices/templates.js';
import { nextBirthday } from '../../domain/retailers/birthday.js';
import { templateInForce } from './template-store.js';

const GREETING_HOUR = 9;

export async function generateGreetings(db: Db, orgId: number, now: Date): Promise<{ festival: number; birthdays: number }> {
  const local = new Date(now.getTime() + 8 * 3600_000);
  if (local.getUTCHours() < GREETING_HOUR) return { festival: 0, birthdays: 0 };
  const date = local.toISOString().slice(0, 10);
  const shops = await query<{ id: number; shopName: string; birthday: string | null; calendar: string }>(db, sql`select id, shop_name as "shopName", birthday, birthday_calendar as calendar
    from retailers where org_id = ${orgId} and status = 'active' order by id`);
  const template = await templateInForce(db, orgId, 'greeting');
  const items: NoticeInsert[] = [];
  const greet = (shop: { id: number; shopName: string }, occasionName: string, wish: string, occasion: string) => {
    const params = { shopName: shop.shopName, occasionName, wish };
    const r = renderWith(template, params);
    items.push({ orgId, retailerId: shop.id, userId: null, template: 'greeting', templateVersion: template.version, occasion,
      dedupeKey: `greeting:${occasion}:${shop.id}`, title: r.title, body: r.body, smsText: r.sms, params, visibleAt: now });
  };
  const festival = festivalOn(date);
  if (festival) for (const s of shops) greet(s, festival.name, festival.wish, `${festival.key}:${festival.lunarYear}`);
  const festivalCount = items.length;
  const day = new Date(`${date}T00:00:00Z`);
  for (const s of shops) {
    if (s.birthday && nextBirthday(s.birthday, s.calendar, day) === date) greet(s, '生日', '今天是您的生日，祝您生日快乐、身体健康、生意兴隆！', `birthday:${date}`);
  }
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const festivalIds = await insertNotices(t, items.slice(0, festivalCount), now);
    const birthdayIds = await insertNotices(t, items.slice(festivalCount), now);
    await queueDeliveriesFor(t, [...festivalIds, ...birthdayIds], now);
    return { festival: festivalIds.length, birthdays: birthdayIds.length };
  });
}
