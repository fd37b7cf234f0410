// Demo surveys (issue 17): the default satisfaction questionnaire; last
// quarter's round, finished, with answers from most of its sample by SMS link
// and by phone (grids differ, so the results by grid and worker spread out);
// and this month's round, open, partly answered, with the demo retailer's
// shop in its sample and not yet answered, so its phone shows the survey.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { defaultSatisfactionQuestionnaire, DEFAULT_SATISFACTION_CODE } from '../../domain/surveys/default-satisfaction.js';
import { checkAnswers, scoreAnswers } from '../../domain/surveys/questionnaire-rules.js';
import { drawSample, mulberry32 } from '../../domain/surveys/sampling.js';
import type { Answers, QuestionnaireDef } from '../../shared/surveys.js';
import { launchRound } from '../surveys/launch-round.js';
import { saveVersion } from '../surveys/questionnaires.js';

const DAY = 86_400_000;

export async function seedDemoSurveys(db: Db, orgId: number, today: Date): Promise<void> {
  const [admin] = await query<{ id: number }>(db, sql`select id from users where org_id = ${orgId} and role = 'county_manager' order by id limit 1`);
  const [agent] = await query<{ id: number }>(db, sql`select id from users where org_id = ${orgId} and role = 'call_agent' order by id limit 1`);
  const [me] = await query<{ id: number; userId: number }>(db, sql`select retailer_id as id, id as "userId" from users where org_id = ${orgId} and role = 'retailer' and retailer_id is not null order by id limit 1`);
  const def = defaultSatisfactionQuestionnaire();
  const q = await saveVersion(db, orgId, admin?.id ?? null, { code: DEFAULT_SATISFACTION_CODE, purpose: 'satisfaction', definition: def }, new Date(today.getTime() - 120 * DAY));
  const who = { orgId, userId: admin?.id ?? null } as { orgId: number; userId: number };

  // A seed whose draw holds the demo retailer's shop, for each round (the draw is deterministic).
  const units = await query<{ retailerId: number; workerId: number | null; stationId: number; gridId: number; tier: number; format: string }>(
    db,
    sql`select r.id as "retailerId", g.worker_id as "workerId", g.station_id as "stationId", g.id as "gridId", r.tier, r.business_format as format
      from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id where r.org_id = ${orgId} and r.status = 'active' order by r.id`,
  );
  const seedHolding = (from: number) => {
    for (let s = from; s < from + 500; s++) if (!me || drawSample(units.map((u) => ({ ...u, eligible: true })), 0.1, s).retailerIds.includes(me.id)) return s;
    return from;
  };

  const opened1 = new Date(today.getTime() - 100 * DAY);
  const r1 = await launchRound(db, who, { questionnaireId: q.id, name: '三季度零售客户满意度调查', share: 0.1, rotate: false, seed: seedHolding(1701) }, opened1, { audit: false });
  await answerSome(db, orgId, r1.round.id, def, 0.86, opened1, 25, 1, agent?.id ?? null, me?.id ?? null, null);
  await db.execute(sql`update survey_rounds set status = 'closed', closed_at = ${new Date(opened1.getTime() + 30 * DAY).toISOString()}::timestamptz, closed_by = ${admin?.id ?? null}
    where org_id = ${orgId} and id = ${r1.round.id}`);

  const opened2 = new Date(today.getTime() - 6 * DAY);
  const r2 = await launchRound(db, who, { questionnaireId: q.id, name: '四季度零售客户满意度调查', share: 0.1, rotate: false, seed: seedHolding(1702) }, opened2, { audit: false });
  // The demo retailer's own shop is left for them to answer on their phone.
  await answerSome(db, orgId, r2.round.id, def, 0.45, opened2, 5, 2, agent?.id ?? null, null, me?.id ?? null);
}

/** Answer a share of a round's sample: each grid has its own level of satisfaction, each shop its own mood. */
async function answerSome(db: Db, orgId: number, roundId: number, def: QuestionnaireDef, share: number, from: Date, days: number, salt: number, agentId: number | null, appShop: number | null, skipShop: number | null) {
  const sample = await query<{ retailerId: number; gridId: number }>(db, sql`select retailer_id as "retailerId", grid_id as "gridId" from survey_sample where org_id = ${orgId} and round_id = ${roundId} order by retailer_id`);
  const rand = mulberry32(roundId * 7919 + salt);
  const gridLevel = new Map<number, number>();
  const levelOf = (g: number) => {
    if (!gridLevel.has(g)) {
      const r = mulberry32(g * 31 + 7);
      gridLevel.set(g, 2.9 + r() * 1.3 + (salt === 2 ? (r() - 0.35) * 0.6 : 0));
    }
    return gridLevel.get(g)!;
  };
  const rows: Record<string, unknown>[] = [];
  for (const s of sample) {
    if (s.retailerId === skipShop) continue;
    if (s.retailerId !== appShop && rand() > share) continue;
    const mood = levelOf(s.gridId) + (rand() - 0.5) * 1.6;
    const point = (bias = 0) => Math.max(1, Math.min(5, Math.round(mood + bias + (rand() - 0.5) * 1.4)));
    const a: Answers = { supply_fit: point(-0.2), supply_fair: point(-0.5), supply_delivery: point(0.3) };
    a.met_manager = rand() < 0.12 ? 'no' : 'yes';
    if (a.met_manager === 'yes') a.service_visit = point(0.2);
    a.service_hotline = point();
    if (a.service_hotline > 2) {
      a.service_settle = point(0.1);
      if ((a.service_settle as number) <= 2) a.service_why = rand() < 0.5 ? '扣款失败后没人及时通知' : '电子结算操作太复杂';
    } else a.service_why = rand() < 0.5 ? '打热线经常占线' : '投诉后很久才回复';
    a.market_order = point(0.1);
    a.market_price = point(-0.1);
    a.profit_margin = point(-0.7);
    if (rand() < 0.7) a.profit_share = Math.round(25 + rand() * 50);
    if (rand() < 0.6) a.wishes = ['supply', 'visit', 'delivery', 'price'].filter(() => rand() < 0.4);
    if (Array.isArray(a.wishes) && a.wishes.length === 0) delete a.wishes;
    if (checkAnswers(def, a).length) continue;
    const sheet = scoreAnswers(def, a);
    const viaApp = s.retailerId === appShop;
    const byPhone = !viaApp && rand() < 0.4;
    rows.push({
      r: s.retailerId,
      c: viaApp ? 'app' : byPhone ? 'agent' : 'sms',
      b: byPhone ? agentId : null,
      a,
      d: sheet.dimensions,
      s: sheet.score,
      n: sheet.scored,
      t: new Date(from.getTime() + Math.floor(rand() * days * DAY) + 9 * 3_600_000).toISOString(),
    });
  }
  if (!rows.length) return;
  await db.execute(sql`insert into survey_responses (org_id, round_id, retailer_id, channel, recorded_by, answers, dimension_scores, score, scored, answered_at)
    select ${orgId}, ${roundId}, x.r, x.c, x.b, x.a, x.d, x.s, x.n, x.t
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(r int, c text, b int, a jsonb, d jsonb, s numeric, n smallint, t timestamptz)`);
  await db.execute(sql`update survey_sample s set answered_at = p.answered_at, invited_at = case when p.channel = 'sms' then p.answered_at - interval '1 day' end
    from survey_responses p where p.org_id = s.org_id and p.round_id = s.round_id and p.retailer_id = s.retailer_id and s.org_id = ${orgId} and s.round_id = ${roundId}`);
}
