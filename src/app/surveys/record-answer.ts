// One answer sheet per sampled shop and round, from the retailer's phone, an
// SMS link or a call-centre agent. Never from the client manager being rated:
// that attempt is refused and the refusal itself is audited (decision 1704).
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { retailerScope } from '../../db/scope.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { checkAnswers, scoreAnswers } from '../../domain/surveys/questionnaire-rules.js';
import { AppError } from '../../shared/app-error.js';
import type { Answers, QuestionnaireDef, SurveyChannel } from '../../shared/surveys.js';
import { writeAudit } from '../audit/audit.js';

type SampleRow = { workerId: number | null; answeredAt: string | null; status: string; definition: QuestionnaireDef; tokenHash: string | null };

export type AnswerInput = { orgId: number; roundId: number; retailerId: number; channel: SurveyChannel; answers: Answers; note?: string };

/** Who entered it: a person (their id is checked against the rated worker), or nobody (an SMS link; the audit row names the shop's account if it has one). */
export type Recorder = { kind: 'person'; viewer: Viewer } | { kind: 'link'; tokenHash: string };

export async function recordAnswer(db: Db, by: Recorder, input: AnswerInput, now: Date): Promise<{ id: number; score: number | null }> {
  const { orgId, roundId, retailerId } = input;
  if (by.kind === 'person') {
    // Checked before the transaction so the refusal's audit row is kept.
    const [s] = await query<{ workerId: number | null }>(db, sql`select worker_id as "workerId" from survey_sample where org_id = ${orgId} and round_id = ${roundId} and retailer_id = ${retailerId}`);
    if (s && s.workerId !== null && s.workerId === by.viewer.userId) {
      await writeAudit(db, by.viewer, { action: 'submit', entity: 'survey_round', entityIds: [roundId, retailerId], detail: { op: 'answer', channel: input.channel, refused: 'survey_rated_worker' } }, now);
      throw new AppError('survey_rated_worker');
    }
  }
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [s] = await query<SampleRow>(
      tx,
      sql`select s.worker_id as "workerId", s.answered_at as "answeredAt", s.token_hash as "tokenHash", ro.status, q.definition
        from survey_sample s
        join survey_rounds ro on ro.org_id = s.org_id and ro.id = s.round_id
        join survey_questionnaires q on q.org_id = ro.org_id and q.id = ro.questionnaire_id
        where s.org_id = ${orgId} and s.round_id = ${roundId} and s.retailer_id = ${retailerId}
        for update of s`,
    );
    if (!s) throw new AppError(input.channel === 'agent' ? 'survey_not_sampled' : 'not_found');
    if (by.kind === 'link' && s.tokenHash !== by.tokenHash) throw new AppError('survey_link_invalid');
    if (s.answeredAt) throw new AppError(by.kind === 'link' ? 'survey_link_used' : 'survey_already_answered');
    if (s.status !== 'open') throw new AppError('survey_round_closed');
    const errors = checkAnswers(s.definition, input.answers);
    if (errors.length) throw new AppError('survey_answers_invalid', errors);
    const sheet = scoreAnswers(s.definition, input.answers);
    const recordedBy = by.kind === 'person' ? by.viewer.userId : null;
    const [row] = await query<{ id: number }>(
      tx,
      sql`insert into survey_responses (org_id, round_id, retailer_id, channel, recorded_by, answers, dimension_scores, score, scored, note, answered_at)
        values (${orgId}, ${roundId}, ${retailerId}, ${input.channel}, ${recordedBy}, ${JSON.stringify(input.answers)}::jsonb, ${JSON.stringify(sheet.dimensions)}::jsonb,
          ${sheet.score}, ${sheet.scored}, ${input.note ?? ''}, ${now.toISOString()}::timestamptz)
        returning id`,
    );
    await tx.execute(sql`update survey_sample set answered_at = ${now.toISOString()}::timestamptz where org_id = ${orgId} and round_id = ${roundId} and retailer_id = ${retailerId}`);
    let who: { orgId: number; userId: number | null } = { orgId, userId: recordedBy };
    if (by.kind === 'link') {
      const [u] = await query<{ id: number }>(tx, sql`select id from users where org_id = ${orgId} and retailer_id = ${retailerId} order by id limit 1`);
      who = { orgId, userId: u?.id ?? null };
    }
    await writeAudit(tx, who, { action: 'submit', entity: 'survey_round', entityIds: [roundId, retailerId], detail: { op: 'answer', channel: input.channel, score: sheet.score } }, now);
    return { id: row.id, score: sheet.score };
  });
}

/** The retailer on their phone, for their own shop. */
export function recordMyAnswer(db: Db, viewer: Viewer, roundId: number, answers: Answers, now: Date) {
  if (viewer.retailerId === null) throw new AppError('forbidden');
  return recordAnswer(db, { kind: 'person', viewer }, { orgId: viewer.orgId, roundId, retailerId: viewer.retailerId, channel: 'app', answers }, now);
}

/** A call-centre agent (or other staff) entering what the shop said on the phone: a shop of their scope. */
export async function recordAgentAnswer(db: Db, viewer: Viewer, roundId: number, input: { retailerId: number; answers: Answers; note: string }, now: Date) {
  const [inScope] = await query<{ id: number }>(db, sql`select r.id from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id where r.id = ${input.retailerId} and ${retailerScope(viewer)}`);
  if (!inScope) throw new AppError('survey_not_sampled');
  return recordAnswer(db, { kind: 'person', viewer }, { orgId: viewer.orgId, roundId, retailerId: input.retailerId, channel: 'agent', answers: input.answers, note: input.note }, now);
}
