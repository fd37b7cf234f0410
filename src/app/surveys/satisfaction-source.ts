// 满意度 for the nightly measures job: the latest scored answer sheet of each
// shop to a satisfaction questionnaire (0–100), with how many questions fed
// it, the round and when it was answered. Shops never surveyed are absent
// ("未调查"), never guessed.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';

export type SatisfactionScore = { score: number; answers: number; roundId: number; answeredAt: string };

export async function loadSatisfactionScores(db: Db, orgId: number): Promise<Map<number, SatisfactionScore>> {
  const rows = await query<{ retailerId: number; score: number; answers: number; roundId: number; answeredAt: string | Date }>(
    db,
    sql`select distinct on (p.retailer_id) p.retailer_id as "retailerId", p.score::float8 as score, p.scored::int as answers, p.round_id as "roundId", p.answered_at as "answeredAt"
      from survey_responses p
      join survey_rounds ro on ro.org_id = p.org_id and ro.id = p.round_id
      join survey_questionnaires q on q.org_id = ro.org_id and q.id = ro.questionnaire_id
      where p.org_id = ${orgId} and q.purpose = 'satisfaction' and p.score is not null
      order by p.retailer_id, p.answered_at desc, p.id desc`,
  );
  return new Map(
    rows.map((r) => [
      Number(r.retailerId),
      { score: Number(r.score), answers: Number(r.answers), roundId: Number(r.roundId), answeredAt: new Date(r.answeredAt).toISOString() },
    ]),
  );
}
