// Who to call in an open round: sampled shops of the caller's scope not yet
// answered, never those the caller is rated on; the questionnaire to read out.
// The retailer's own open rounds for the phone screen.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { piiPolicy } from '../../domain/access/permissions.js';
import { maskPhone } from '../../domain/access/masking.js';
import { retailerScope } from '../../db/scope.js';
import { AppError } from '../../shared/app-error.js';
import type { QuestionnaireDef } from '../../shared/surveys.js';
import { getRound } from './rounds.js';

export async function roundCallList(db: Db, viewer: Viewer, roundId: number) {
  const round = await getRound(db, viewer.orgId, roundId);
  const [q] = await query<{ definition: QuestionnaireDef }>(db, sql`select definition from survey_questionnaires where org_id = ${viewer.orgId} and id = ${round.questionnaireId}`);
  const items = await query<{ retailerId: number; shopName: string; customerCode: string; phone: string; gridName: string; invited: boolean }>(
    db,
    sql`select s.retailer_id as "retailerId", r.shop_name as "shopName", r.customer_code as "customerCode", r.phone, coalesce(g.name, '') as "gridName", s.invited_at is not null as invited
      from survey_sample s join retailers r on r.id = s.retailer_id and r.org_id = s.org_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
      where s.org_id = ${viewer.orgId} and ${retailerScope(viewer)} and s.round_id = ${roundId} and s.answered_at is null and s.worker_id is distinct from ${viewer.userId}
      order by g.code nulls last, r.customer_code limit 2000`,
  );
  const showPhone = piiPolicy(viewer.role).phone;
  return { round, definition: q.definition, items: items.map((i) => ({ ...i, phone: showPhone ? i.phone : maskPhone(i.phone) })) };
}

export async function findMySurveys(db: Db, viewer: Viewer) {
  if (viewer.retailerId === null) throw new AppError('forbidden');
  const items = await query<{ roundId: number; name: string; definition: QuestionnaireDef; answeredAt: string | null }>(
    db,
    sql`select ro.id as "roundId", ro.name, q.definition, s.answered_at as "answeredAt"
      from survey_sample s join survey_rounds ro on ro.org_id = s.org_id and ro.id = s.round_id
      join survey_questionnaires q on q.org_id = ro.org_id and q.id = ro.questionnaire_id
      where s.org_id = ${viewer.orgId} and s.retailer_id = ${viewer.retailerId} and (ro.status = 'open' or s.answered_at is not null)
      order by ro.opened_at desc limit 10`,
  );
  return { items };
}
