// Demo service desk (issue 15): on the day the demo starts, a spread of open
// cases opened over the last working days (so some are near their warning
// and one is breached and escalated by the sweep), a counterfeit report
// forwarded to the monopoly side, and closed cases with their 回访 — one 不满意
// that reopened — so every list, the task lists and the analysis show data.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { deskCaseEvents, deskCases, deskRewards, deskSurveys } from '../../db/schema-desk.js';
import { eq } from 'drizzle-orm';
import type { DeskCategory } from '../../shared/desk.js';
import { storeCasePhotos } from '../desk/case-photos.js';
import { demoCasePhoto } from './demo-case-photo.js';
import { openCase } from '../desk/open-case.js';
import { sweepDeadlines } from '../desk/sweep-deadlines.js';

const H = 3_600_000;

type Seed = { hoursAgo: number; category: DeskCategory; cause: string; text: string; photo?: true; closed?: { afterHours: number; resolution: string; reply: string; survey?: 'satisfied' | 'basically' | 'dissatisfied' } };

const SEEDS: Seed[] = [
  { hoursAgo: 1, category: 'supply', cause: 'scarce_short', text: '这周和天下、黄鹤楼都没分到，隔壁店却有' },
  { hoursAgo: 3, category: 'delivery', cause: 'late', text: '今天上午的货到现在还没送到' },
  { hoursAgo: 5, category: 'settlement', cause: 'deduction', text: '银行卡有钱但显示扣款失败' },
  { hoursAgo: 20, category: 'ordering', cause: 'wrong_order', text: '电话订货时把芙蓉王订成了白沙' },
  { hoursAgo: 26, category: 'price', cause: 'price_tags', text: '新的价签还没发下来' },
  { hoursAgo: 2, category: 'counterfeit', cause: 'cross_region', text: '附近有店在卖外省串码烟' },
  { hoursAgo: 30, category: 'new_brand', cause: 'new_brand', text: '想上新品，需要陈列和推广支持' },
  { hoursAgo: 240, category: 'conduct', cause: 'delivery_person', text: '送货员把货放门口就走了，没有当面点清' },
  { hoursAgo: 360, category: 'packaging', cause: 'packaging', text: '一条烟外包装破了', photo: true, closed: { afterHours: 20, resolution: 'compensated', reply: '已为您调换一条', survey: 'satisfied' } },
  { hoursAgo: 420, category: 'supply', cause: 'limit_low', text: '限量比上月少了', closed: { afterHours: 26, resolution: 'explained', reply: '本月档位下调一档，按档位投放', survey: 'basically' } },
  { hoursAgo: 500, category: 'delivery', cause: 'damaged', text: '到货有两条受潮', closed: { afterHours: 30, resolution: 'compensated', reply: '已补发两条', survey: 'satisfied' } },
  { hoursAgo: 600, category: 'settlement', cause: 'one_sided', text: '银行扣了钱但系统显示未付', closed: { afterHours: 48, resolution: 'resolved', reply: '单边账已冲正', survey: 'dissatisfied' } },
  { hoursAgo: 80, category: 'price', cause: 'price', text: '零售指导价是多少', closed: { afterHours: 4, resolution: 'explained', reply: '指导价已发到您的手机' } },
];

export async function seedDemoDesk(db: Db, orgId: number, today: Date): Promise<void> {
  const shops = await query<{ id: number }>(
    db,
    sql`(select retailer_id as id from users where org_id = ${orgId} and role = 'retailer' and retailer_id is not null limit 1)
      union all (select r.id from retailers r where r.org_id = ${orgId} and r.status = 'active' order by md5(r.id::text) limit ${SEEDS.length})`,
  );
  const [agent] = await query<{ id: number }>(db, sql`select id from users where org_id = ${orgId} and role = 'call_agent' order by id limit 1`);
  const [manager] = await query<{ id: number }>(db, sql`select id from users where org_id = ${orgId} and role = 'county_manager' order by id limit 1`);
  let rewards = 0;
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    for (const [i, s] of SEEDS.entries()) {
      const openedAt = new Date(today.getTime() - s.hoursAgo * H);
      const row = await openCase(
        tx,
        { orgId, retailerId: shops[i % shops.length].id, kind: 'complaint', channel: s.photo || i % 3 === 0 ? 'retailer_app' : 'phone', category: s.category, cause: s.cause, text: s.text, subjectUserId: null, createdBy: agent?.id ?? null },
        openedAt,
      );
      if (s.photo) await storeCasePhotos(tx, orgId, row.id, [{ contentType: 'image/png', bytes: demoCasePhoto() }], openedAt);
      if (!s.closed) continue;
      const closedAt = new Date(openedAt.getTime() + s.closed.afterHours * H);
      const reopened = s.closed.survey === 'dissatisfied';
      const surveyAt = new Date(closedAt.getTime() + 24 * H);
      await tx
        .update(deskCases)
        .set({
          status: reopened ? 'open' : 'closed',
          firstContactAt: new Date(openedAt.getTime() + H),
          repliedAt: reopened ? null : closedAt,
          closedAt: reopened ? null : closedAt,
          resolution: reopened ? null : s.closed.resolution,
          surveyDueAt: reopened ? null : new Date(closedAt.getTime() + 48 * H),
          milestone: reopened ? 'reply' : 'none',
          warnAt: reopened ? new Date(surveyAt.getTime() + 4 * H) : null,
          dueAt: reopened ? new Date(surveyAt.getTime() + 8 * H) : null,
          countyAt: reopened ? new Date(surveyAt.getTime() + 16 * H) : null,
          reopenCount: reopened ? 1 : 0,
          valid: s.closed.resolution === 'compensated' ? true : null,
          pauses: reopened ? [{ from: closedAt.toISOString(), to: surveyAt.toISOString() }] : [],
        })
        .where(eq(deskCases.id, row.id));
      await tx.insert(deskCaseEvents).values([
        { orgId, caseId: row.id, type: 'call', byUserId: row.handlerId, text: '已电话联系零售户', detail: { reached: true }, at: new Date(openedAt.getTime() + H) },
        { orgId, caseId: row.id, type: 'reply', byUserId: row.handlerId, text: s.closed.reply, toRetailer: true, at: closedAt },
        { orgId, caseId: row.id, type: 'close', byUserId: row.handlerId, text: '', toRetailer: true, detail: { resolution: s.closed.resolution }, at: closedAt },
      ]);
      if (s.closed.survey) {
        await tx.insert(deskSurveys).values({ orgId, caseId: row.id, result: s.closed.survey, channel: 'phone', recordedBy: agent?.id ?? null, handlerId: row.handlerId, at: surveyAt });
        await tx.insert(deskCaseEvents).values({ orgId, caseId: row.id, type: 'survey', byUserId: agent?.id ?? null, detail: { result: s.closed.survey, channel: 'phone' }, at: surveyAt });
        if (reopened) await tx.insert(deskCaseEvents).values({ orgId, caseId: row.id, type: 'reopen', byUserId: agent?.id ?? null, detail: { because: 'dissatisfied' }, at: surveyAt });
      }
      // The ledger shows both ends of a reward: the first valid complaint's was given, the next one's waits for approval.
      if (s.closed.resolution === 'compensated') {
        const given = rewards++ === 0;
        const proposedAt = new Date(closedAt.getTime() + 2 * H);
        await tx.insert(deskRewards).values({
          orgId,
          caseId: row.id,
          retailerId: shops[i % shops.length].id,
          kind: given ? 'goods' : 'points',
          description: given ? '有效投诉答谢：纪念品一份' : '有效投诉答谢：积分 200',
          amount: given ? 50 : 200,
          proposedBy: row.handlerId,
          proposedAt,
          ...(given ? { status: 'given', decidedBy: manager?.id ?? null, decidedAt: new Date(proposedAt.getTime() + 20 * H), givenBy: row.handlerId, givenAt: new Date(proposedAt.getTime() + 44 * H) } : {}),
        });
      }
    }
  });
  // Warnings and breaches as of the day the demo starts (the old conduct complaint is breached and escalated).
  await sweepDeadlines(db, today);
}
