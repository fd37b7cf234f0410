// Notices in the demo county, relative to the day it starts: a safety notice
// to the whole county two days ago (most shops have read it), a station's SMS
// yesterday with its delivery receipts (a few numbers unreachable), the
// failed-deduction notices of the grid workers, and this morning an urgent
// notice from worker1 to their grids, unread by the demo shop. The supply
// notice of this week's plan comes from publishing it (demo-seed-supply-plan).
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { createCampaign } from '../notices/campaigns.js';
import { ingestOutbox } from '../notices/ingest-outbox.js';

const viewerSql = sql`select id as "userId", org_id as "orgId", role, username, display_name as "displayName", station_id as "stationId", retailer_id as "retailerId" from users`;

/** Beijing hh:mm on the day `days` before `today`. */
function beijing(today: Date, days: number, hh: number, mm = 0): Date {
  const d = new Date(today.getTime() + 8 * 3600_000);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - days, hh - 8, mm));
}

export async function seedDemoNotices(db: Db, orgId: number, today: Date): Promise<void> {
  const [manager] = await query<Viewer>(db, sql`${viewerSql} where org_id = ${orgId} and role = 'county_manager' and active order by id limit 1`);
  const [worker] = await query<Viewer>(db, sql`${viewerSql} where org_id = ${orgId} and username = 'worker1'`);
  const [station] = await query<Viewer>(db, sql`${viewerSql} where org_id = ${orgId} and role = 'station_head' order by id limit 1`);
  if (!manager || !worker || !station) return;
  await ingestOutbox(db, orgId, beijing(today, 1, 18));

  const safety = await createCampaign(db, manager, {
    title: '安全经营提醒', body: '${shopName}：近期天气干燥，请检查店内灭火器和用电线路，营业结束后关闭电源。', audience: { kind: 'county' }, channel: 'inapp', urgent: false,
  }, beijing(today, 2, 9));
  // Most shops read it within a day; the times spread over the day.
  await db.execute(sql`update notices set read_at = visible_at + make_interval(mins => 20 + (id % 600)::int)
    where campaign_id = ${safety.id} and id % 10 < 7`);

  const delivery = await createCampaign(db, station, {
    title: '配送时间调整', body: '${shopName}：自本周六起，本站配送时间调整为上午9点至12点，请留意收货。', audience: { kind: 'station', stationId: station.stationId! }, channel: 'sms', urgent: false,
  }, beijing(today, 1, 10));
  const sentAt = beijing(today, 1, 10, 1);
  // Yesterday's sending as the gateway answered it: delivered, except numbers the network could not reach.
  await db.execute(sql`update notice_deliveries d set attempts = 1, attempt_at = ${sentAt.toISOString()}::timestamptz, sent_at = ${sentAt.toISOString()}::timestamptz,
      provider_id = 'DEMO' || d.id, state = case when d.id % 23 = 0 then 'failed' else 'delivered' end,
      delivered_at = case when d.id % 23 = 0 then null else ${sentAt.toISOString()}::timestamptz + make_interval(secs => 5 + (d.id % 40)::int) end,
      failed_at = case when d.id % 23 = 0 then ${sentAt.toISOString()}::timestamptz + interval '2 minutes' end,
      last_error = case when d.id % 23 = 0 then 'UNDELIV' end
    from notices n where n.id = d.notice_id and n.campaign_id = ${delivery.id} and d.state = 'queued'`);
  await db.execute(sql`update notices set read_at = visible_at + make_interval(mins => 30 + (id % 300)::int) where campaign_id = ${delivery.id} and id % 10 < 5`);

  // Yesterday afternoon the county manager drew an area on the map around a few of worker1's shops (a water main repair) and texted them.
  const near = await query<{ lat: number; lng: number }>(db, sql`select r.lat, r.lng from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id
    where r.org_id = ${orgId} and g.worker_id = ${worker.userId} and r.status = 'active' order by r.id limit 8`);
  if (near.length >= 3) {
    const pad = 0.0005;
    const [w, e] = [Math.min(...near.map((x) => x.lng)) - pad, Math.max(...near.map((x) => x.lng)) + pad];
    const [s0, n] = [Math.min(...near.map((x) => x.lat)) - pad, Math.max(...near.map((x) => x.lat)) + pad];
    try {
      const area = await createCampaign(db, manager, {
        title: '停水通知', body: '${shopName}：因供水管道抢修，明天上午本片区停水，请提前储水。', audience: { kind: 'area', ring: [[w, s0], [e, s0], [e, n], [w, n]] }, channel: 'sms', urgent: false,
      }, beijing(today, 1, 15));
      const areaSent = beijing(today, 1, 15, 1);
      await db.execute(sql`update notice_deliveries d set attempts = 1, attempt_at = ${areaSent.toISOString()}::timestamptz, sent_at = ${areaSent.toISOString()}::timestamptz,
          provider_id = 'DEMO' || d.id, out_id = 'zybdemo' || n.campaign_id, state = 'delivered', delivered_at = ${areaSent.toISOString()}::timestamptz + interval '8 seconds'
        from notices n where n.org_id = d.org_id and n.id = d.notice_id and n.campaign_id = ${area.id} and d.state = 'queued'`);
    } catch {
      // A demo county whose shops sit outside its own boundary (a test's odd seed) simply has no area notice.
    }
  }

  const grids = await query<{ id: number }>(db, sql`select id from grids where org_id = ${orgId} and worker_id = ${worker.userId} order by id`);
  if (grids.length) {
    await createCampaign(db, worker, {
      title: '大风降温提醒', body: '${shopName}：今天下午起有大风降温，请收好门口招牌和货架，注意用电安全。', audience: { kind: 'grids', gridIds: grids.map((g) => g.id) }, channel: 'inapp', urgent: true,
    }, new Date(Math.min(beijing(today, 0, 8, 30).getTime(), today.getTime())));
  }
}
