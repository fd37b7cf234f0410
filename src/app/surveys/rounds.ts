// A round as the screens list it: its questionnaire, sample size, answers by channel.
import { sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { AppError } from '../../shared/app-error.js';

export type RoundItem = {
  id: number;
  name: string;
  status: string;
  share: number;
  questionnaireId: number;
  questionnaireCode: string;
  questionnaireVersion: number;
  title: string;
  purpose: string;
  sampled: number;
  answered: number;
  invited: number;
  byChannel: { app: number; sms: number; agent: number };
  openedAt: string;
  closedAt: string | null;
};

export function roundItems(db: Db, orgId: number, where: SQL = sql``): Promise<RoundItem[]> {
  return query<RoundItem>(
    db,
    sql`select ro.id, ro.name, ro.status, ro.share::float8 as share, ro.questionnaire_id as "questionnaireId", q.code as "questionnaireCode",
        q.version as "questionnaireVersion", q.definition->>'title' as title, q.purpose,
        coalesce(s.sampled, 0) as sampled, coalesce(s.answered, 0) as answered, coalesce(s.invited, 0) as invited,
        json_build_object('app', coalesce(c.app, 0), 'sms', coalesce(c.sms, 0), 'agent', coalesce(c.agent, 0)) as "byChannel",
        ro.opened_at as "openedAt", ro.closed_at as "closedAt"
      from survey_rounds ro
      join survey_questionnaires q on q.org_id = ro.org_id and q.id = ro.questionnaire_id
      left join lateral (select count(*)::int as sampled, count(answered_at)::int as answered, count(invited_at)::int as invited
        from survey_sample x where x.org_id = ro.org_id and x.round_id = ro.id) s on true
      left join lateral (select count(*) filter (where channel = 'app')::int as app, count(*) filter (where channel = 'sms')::int as sms,
        count(*) filter (where channel = 'agent')::int as agent from survey_responses p where p.org_id = ro.org_id and p.round_id = ro.id) c on true
      where ro.org_id = ${orgId} ${where}
      order by ro.opened_at desc, ro.id desc`,
  );
}

export async function getRound(db: Db, orgId: number, id: number): Promise<RoundItem> {
  const [r] = await roundItems(db, orgId, sql`and ro.id = ${id}`);
  if (!r) throw new AppError('not_found');
  return r;
}
