// Questionnaires are saved by code; saving under an existing code adds its
// next version, so a round keeps the exact questions it was run with.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { checkQuestionnaire } from '../../domain/surveys/questionnaire-rules.js';
import { AppError } from '../../shared/app-error.js';
import type { QuestionnaireDef } from '../../shared/surveys.js';
import { writeAudit } from '../audit/audit.js';

export type QuestionnaireRow = { id: number; code: string; version: number; purpose: string; definition: QuestionnaireDef; createdAt: string; createdByName: string | null; rounds: number };

export async function findQuestionnaires(db: Db, orgId: number): Promise<QuestionnaireRow[]> {
  return query<QuestionnaireRow>(
    db,
    sql`select q.id, q.code, q.version, q.purpose, q.definition, q.created_at as "createdAt", u.display_name as "createdByName",
        (select count(*)::int from survey_rounds ro where ro.org_id = q.org_id and ro.questionnaire_id = q.id) as rounds
      from survey_questionnaires q left join users u on u.org_id = q.org_id and u.id = q.created_by
      where q.org_id = ${orgId} order by q.code, q.version desc`,
  );
}

export async function getQuestionnaire(db: Db, orgId: number, id: number): Promise<QuestionnaireRow> {
  const [row] = (await findQuestionnaires(db, orgId)).filter((q) => q.id === id);
  if (!row) throw new AppError('not_found');
  return row;
}

export async function saveQuestionnaire(db: Db, viewer: Viewer, input: { code: string; purpose: 'satisfaction' | 'general'; definition: QuestionnaireDef }, now: Date) {
  const errors = checkQuestionnaire(input.definition);
  if (errors.length) throw new AppError('survey_questionnaire_invalid', errors.map((e) => ({ ...e, field: e.field.startsWith('questions') || e.field.startsWith('dimensions') ? `definition.${e.field}` : e.field })));
  if (input.purpose === 'satisfaction' && input.definition.dimensions.length === 0) throw new AppError('survey_questionnaire_invalid', [{ field: 'definition.dimensions', code: 'survey_dimensions_missing' }]);
  return saveVersion(db, viewer.orgId, viewer.userId, input, now, viewer);
}

/** Store the next version of a code (no checks: callers check). The demo uses it for the default questionnaire. */
export async function saveVersion(db: Db, orgId: number, userId: number | null, input: { code: string; purpose: string; definition: QuestionnaireDef }, now: Date, audited?: Viewer) {
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    // One writer per code at a time, so two saves never take the same version number.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('survey_questionnaire:' || ${orgId}::text || ':' || ${input.code}))`);
    const [row] = await query<{ id: number; version: number }>(
      tx,
      sql`insert into survey_questionnaires (org_id, code, version, purpose, definition, created_by, created_at)
        select ${orgId}, ${input.code}, coalesce(max(version), 0) + 1, ${input.purpose}, ${JSON.stringify(input.definition)}::jsonb, ${userId}, ${now.toISOString()}::timestamptz
        from survey_questionnaires where org_id = ${orgId} and code = ${input.code}
        returning id, version`,
    );
    if (audited) await writeAudit(tx, audited, { action: 'create', entity: 'survey_questionnaire', entityIds: [row.id], detail: { code: input.code, version: row.version, questions: input.definition.questions.length } }, now);
    const [saved] = (await findQuestionnaires(tx, orgId)).filter((q) => q.id === row.id);
    return saved;
  });
}
