// A shop's licence anniversary is greeted through the notices outbox (the
// greeting template, from 09:00 Beijing, by the shop's channel); the key makes
// each year's greeting one message however often the run repeats.
import type { Db } from '../../db/client.js';
import { insertNotices, queueDeliveriesFor, type NoticeInsert } from '../../db/notice-writes.js';
import type { Anniversary } from '../../domain/care/care-calendar.js';
import { renderWith } from '../../domain/notices/templates.js';
import { templateInForce } from '../notices/template-store.js';

export async function greetLicenceAnniversaries(db: Db, orgId: number, due: Anniversary[], names: Map<number, string>, now: Date): Promise<number> {
  if (!due.length) return 0;
  const template = await templateInForce(db, orgId, 'greeting');
  const items: NoticeInsert[] = due.map((a) => {
    const params = { shopName: names.get(a.retailerId) ?? '', occasionName: `开业 ${a.years} 周年`, wish: `感谢您 ${a.years} 年来的信任与支持，祝生意兴隆！` };
    const r = renderWith(template, params);
    return {
      orgId, retailerId: a.retailerId, userId: null, template: 'greeting', templateVersion: template.version, occasion: a.key, dedupeKey: `greeting:${a.key}`,
      title: r.title, body: r.body, smsText: r.sms, params, visibleAt: new Date(`${a.date}T01:00:00Z`),
    };
  });
  const ids = await insertNotices(db, items, now);
  await queueDeliveriesFor(db, ids, now);
  return ids.length;
}
