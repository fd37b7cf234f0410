// Case lists: the desk's and the task lists (due, overdue), the retailer
// card's, and the retailer's own on their phone.
import { sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { caseScope } from '../../db/desk-scope.js';
import { photoSeqs } from './case-photos.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { CASE_EXPORT_LIMIT, type CaseItem, type caseListQuerySchema, type myCaseSchema } from '../../shared/desk.js';
import type { z } from 'zod';

/** The columns of a case item; its due state is judged by the server's clock, so a list is never behind the sweep. */
export const caseColumns = (now: Date) => sql`c.id, c.kind, c.channel, c.category, c.cause, c.jurisdiction, c.retailer_id as "retailerId", r.shop_name as "shopName",
  r.customer_code as "customerCode", c.station_id as "stationId", c.handler_id as "handlerId", h.display_name as "handlerName", c.text, c.segment,
  c.status, c.milestone, c.warn_at as "warnAt", c.due_at as "dueAt", c.warned_at as "warnedAt", c.breached_at as "breachedAt", c.escalation,
  c.opened_at as "openedAt", c.closed_at as "closedAt", c.resolution, c.survey_due_at as "surveyDueAt", c.reopen_count as "reopenCount",
  c.forwarded_at as "forwardedAt",
  (c.status = 'closed' and not exists (select 1 from desk_surveys s where s.case_id = c.id and s.at >= c.closed_at)) as "surveyPending",
  case when c.status = 'closed' then 'none' when c.breached_at is not null or c.due_at <= ${now.toISOString()}::timestamptz then 'breached'
    when c.warned_at is not null or c.warn_at <= ${now.toISOString()}::timestamptz then 'warning' when c.due_at is null then 'none' else 'ok' end as "dueState"`;

export const caseFrom = sql`from desk_cases c join retailers r on r.org_id = c.org_id and r.id = c.retailer_id left join users h on h.org_id = c.org_id and h.id = c.handler_id`;

function caseFilter(viewer: Viewer, q: z.output<typeof caseListQuerySchema>, now: Date): SQL {
  const where: SQL[] = [caseScope(viewer)];
  if (q.status === 'open') where.push(sql`c.status <> 'closed'`);
  if (q.status === 'closed') where.push(sql`c.status = 'closed'`);
  if (q.status === 'survey_due') where.push(sql`c.status = 'closed' and not exists (select 1 from desk_surveys s where s.case_id = c.id and s.at >= c.closed_at)`);
  if (q.mine === 'true') where.push(sql`c.handler_id = ${viewer.userId}`);
  if (q.retailerId) where.push(sql`c.retailer_id = ${q.retailerId}`);
  const t = sql`${now.toISOString()}::timestamptz`;
  if (q.due === 'warning') where.push(sql`c.status <> 'closed' and (c.warned_at is not null or c.warn_at <= ${t}) and c.breached_at is null and not c.due_at <= ${t}`);
  if (q.due === 'breached') where.push(sql`c.status <> 'closed' and (c.breached_at is not null or c.due_at <= ${t})`);
  return sql.join(where, sql` and `);
}

export async function findCases(db: Db, viewer: Viewer, q: z.output<typeof caseListQuerySchema>, now: Date): Promise<CaseItem[]> {
  return query<CaseItem>(
    db,
    sql`select ${caseColumns(now)} ${caseFrom} where ${caseFilter(viewer, q, now)}
      order by (c.status = 'closed'), c.breached_at is null, c.warned_at is null, c.due_at nulls last, c.id desc limit 300`,
  );
}

/** The cases of a filter for the Excel export, oldest first, with the 回访 result and whether the deadline held. */
export async function findCasesForExport(db: Db, viewer: Viewer, q: z.output<typeof caseListQuerySchema>, now: Date) {
  return query<CaseItem & { surveyResult: string | null; attained: boolean | null }>(
    db,
    sql`select ${caseColumns(now)},
        (select s.result from desk_surveys s where s.case_id = c.id order by s.at desc limit 1) as "surveyResult",
        case when c.status = 'closed' and c.due_at is not null then c.breached_at is null and c.closed_at <= c.due_at end as attained
      ${caseFrom} where ${caseFilter(viewer, q, now)} order by c.opened_at, c.id limit ${CASE_EXPORT_LIMIT}`,
  );
}

type MyCase = z.input<typeof myCaseSchema>;

/** The retailer's own cases, with only what was said to them. */
export async function findMyCases(db: Db, viewer: Viewer): Promise<MyCase[]> {
  return query<MyCase>(
    db,
    sql`select c.id, c.kind, c.category, c.cause, c.text, c.status, c.opened_at as "openedAt", c.closed_at as "closedAt", c.resolution,
        coalesce((select json_agg(json_build_object('text', e.text, 'at', e.at) order by e.at) from desk_case_events e
          where e.case_id = c.id and e.to_retailer and e.text <> ''), '[]'::json) as replies,
        (c.status = 'closed' and not exists (select 1 from desk_surveys s where s.case_id = c.id and s.at >= c.closed_at)) as "surveyPending",
        ${photoSeqs('c')} as photos
      from desk_cases c where ${caseScope(viewer)} order by c.opened_at desc limit 100`,
  );
}
