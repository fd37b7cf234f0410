// The desk's figures over a period, within the viewer's scope (a grid
// worker's own cases with mine=true): causes for the Pareto chart, deadline
// attainment by handler, station and category (a closed case is on time when
// it never breached), reopen rate, 回访 satisfaction and the monthly trend.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { caseScope } from '../../db/desk-scope.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { DESK_CATEGORIES, isCategory, type DeskStats } from '../../shared/desk.js';

const day = (d: Date) => d.toISOString().slice(0, 10);

export async function deskStats(db: Db, viewer: Viewer, q: { from?: string; to?: string; mine?: 'true' | 'false' }, now: Date): Promise<DeskStats> {
  const to = q.to ?? day(now);
  const from = q.from ?? day(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 5, 1)));
  const where = sql`${caseScope(viewer)} and c.opened_at >= ${from}::date and c.opened_at < ${to}::date + 1 ${q.mine === 'true' ? sql`and c.handler_id = ${viewer.userId}` : sql``}`;
  const pareto = await query<{ category: string; cause: string; count: number }>(
    db,
    sql`select c.category, c.cause, count(*)::int as count from desk_cases c where ${where} group by 1, 2 order by 3 desc, 1, 2`,
  );
  type G = { key: string; label: string; total: number; onTime: number; breached: number };
  const att = (key: ReturnType<typeof sql>, label: ReturnType<typeof sql>) =>
    query<G>(
      db,
      sql`select ${key}::text as key, ${label} as label, count(*)::int as total,
          count(*) filter (where not exists (select 1 from desk_case_events e where e.case_id = c.id and e.type = 'breach'))::int as "onTime",
          count(*) filter (where exists (select 1 from desk_case_events e where e.case_id = c.id and e.type = 'breach'))::int as breached
        from desk_cases c left join users h on h.org_id = c.org_id and h.id = c.handler_id left join stations s on s.org_id = c.org_id and s.id = c.station_id
        where ${where} group by 1 order by 3 desc limit 50`,
    );
  const byHandler = await att(sql`coalesce(c.handler_id, 0)`, sql`coalesce(max(h.display_name), '—')`);
  const byStation = await att(sql`coalesce(c.station_id, 0)`, sql`coalesce(max(s.name), '—')`);
  const byCategoryRaw = await att(sql`c.category`, sql`max(c.category)`);
  const byCategory = byCategoryRaw.map((r) => ({ ...r, label: isCategory(r.key) ? DESK_CATEGORIES[r.key].zh : r.key }));
  const [counts] = await query<{ closed: number; reopened: number }>(
    db,
    sql`select count(*) filter (where c.status = 'closed')::int as closed, count(*) filter (where c.reopen_count > 0)::int as reopened from desk_cases c where ${where}`,
  );
  const surveyRows = await query<{ result: string; n: number }>(
    db,
    sql`select s.result, count(*)::int as n from desk_surveys s join desk_cases c on c.org_id = s.org_id and c.id = s.case_id where ${where} group by 1`,
  );
  const surveys = { satisfied: 0, basically: 0, dissatisfied: 0 };
  for (const r of surveyRows) if (r.result in surveys) surveys[r.result as keyof typeof surveys] = r.n;
  const monthly = await query<{ month: string; opened: number; closed: number; breached: number }>(
    db,
    sql`select to_char(c.opened_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*)::int as opened,
        count(*) filter (where c.status = 'closed')::int as closed, count(*) filter (where c.escalation > 0)::int as breached
      from desk_cases c where ${where} group by 1 order by 1`,
  );
  return { from, to, pareto, byHandler, byStation, byCategory, closed: counts.closed, reopened: counts.reopened, surveys, monthly };
}
