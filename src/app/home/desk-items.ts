// The service desk on the home: a handler's cases due today or overdue, the
// 回访 waiting (never by the case's own handler), the agent's open cases,
// breaches of the scope, and the scope's open cases as a figure. Due state is
// judged by the request's clock, as the desk's lists do.
import { sql, type SQL } from 'drizzle-orm';
import { query } from '../../db/client.js';
import { caseScope } from '../../db/desk-scope.js';
import type { HomeItem, HomeItemKey, HomeTag } from '../../shared/home.js';
import type { HomeContext, HomeProvider } from './home-registry.js';
import { homeItem, homeRow, ROWS, toneOf } from './home-item.js';

type CaseRow = { n: number; overdue: number; id: number; shopName: string; text: string; dueAt: string | null; state: HomeTag };

/** Open cases matching `where` (alias c), most urgent first, with their count and how many are overdue. */
async function openCases({ db, now, dayEnd }: HomeContext, where: SQL): Promise<CaseRow[]> {
  const t = sql`${now.toISOString()}::timestamptz`;
  return query<CaseRow>(
    db,
    sql`select count(*) over ()::int as n,
        (count(*) filter (where c.breached_at is not null or c.due_at <= ${t}) over ())::int as overdue,
        c.id, r.shop_name as "shopName", c.text, c.due_at as "dueAt",
        case when c.breached_at is not null or c.due_at <= ${t} then 'breached'
          when c.warned_at is not null or c.warn_at <= ${t} then 'warning'
          when c.due_at < ${dayEnd.toISOString()}::timestamptz then 'due_today' end as state
      from desk_cases c join retailers r on r.org_id = c.org_id and r.id = c.retailer_id
      where c.status <> 'closed' and ${where}
      order by c.breached_at is null and not coalesce(c.due_at <= ${t}, false), c.due_at nulls last, c.id limit ${ROWS}`,
  );
}

function caseItem(key: HomeItemKey, group: HomeItem['group'], rows: CaseRow[], link: string, caseLink: (id: number) => string): HomeItem {
  const n = rows[0]?.n ?? 0;
  const overdue = rows[0]?.overdue ?? 0;
  return homeItem(key, {
    group,
    count: n,
    extra: overdue,
    tone: toneOf(overdue, n),
    link,
    rows: rows.map((r) => homeRow({ label: r.shopName, sub: r.text, at: r.dueAt, tag: r.state, link: caseLink(r.id) })),
  });
}

const casesDue: HomeProvider = {
  key: 'desk.cases_due',
  roles: ['grid_worker', 'station_head'],
  async load(ctx) {
    const t = ctx.now.toISOString();
    const rows = await openCases(
      ctx,
      sql`c.org_id = ${ctx.viewer.orgId} and c.handler_id = ${ctx.viewer.userId}
        and (c.breached_at is not null or c.warned_at is not null or c.warn_at <= ${t}::timestamptz or c.due_at < ${ctx.dayEnd.toISOString()}::timestamptz)`,
    );
    return caseItem('desk.cases_due', 'todo', rows, '/desk?mine=true', (id) => `/desk?mine=true&case=${id}`);
  },
};

const loggedOpen: HomeProvider = {
  key: 'desk.logged_open',
  roles: ['call_agent'],
  async load(ctx) {
    const rows = await openCases(ctx, sql`c.org_id = ${ctx.viewer.orgId} and (c.created_by = ${ctx.viewer.userId} or c.handler_id = ${ctx.viewer.userId})`);
    return caseItem('desk.logged_open', 'watch', rows, '/desk', (id) => `/desk?case=${id}`);
  },
};

const breaches: HomeProvider = {
  key: 'desk.breaches',
  roles: ['station_head', 'county_manager', 'admin'],
  async load(ctx) {
    const rows = await openCases(ctx, sql`${caseScope(ctx.viewer)} and (c.breached_at is not null or c.due_at <= ${ctx.now.toISOString()}::timestamptz)`);
    return caseItem('desk.breaches', 'todo', rows, '/desk?due=breached', (id) => `/desk?due=breached&case=${id}`);
  },
};

const surveysDue: HomeProvider = {
  key: 'desk.surveys_due',
  roles: ['grid_worker', 'call_agent', 'station_head'],
  async load({ db, viewer, now, dayEnd }) {
    // 回访 is done by anyone but the handler: the handler's own closed cases are not on their list.
    const rows = await query<{ n: number; overdue: number; id: number; shopName: string; text: string; surveyDueAt: string | null }>(
      db,
      sql`select count(*) over ()::int as n, (count(*) filter (where c.survey_due_at <= ${now.toISOString()}::timestamptz) over ())::int as overdue,
          c.id, r.shop_name as "shopName", c.text, c.survey_due_at as "surveyDueAt"
        from desk_cases c join retailers r on r.org_id = c.org_id and r.id = c.retailer_id
        where ${caseScope(viewer)} and c.status = 'closed' and c.handler_id is distinct from ${viewer.userId}
          and not exists (select 1 from desk_surveys s where s.case_id = c.id and s.at >= c.closed_at)
          and (c.survey_due_at is null or c.survey_due_at < ${dayEnd.toISOString()}::timestamptz)
        order by c.survey_due_at nulls last, c.id limit ${ROWS}`,
    );
    const n = rows[0]?.n ?? 0;
    const overdue = rows[0]?.overdue ?? 0;
    return homeItem('desk.surveys_due', {
      group: 'todo',
      count: n,
      extra: overdue,
      tone: toneOf(overdue, n),
      link: '/desk?status=survey_due',
      rows: rows.map((r) =>
        homeRow({
          label: r.shopName,
          sub: r.text,
          at: r.surveyDueAt,
          tag: r.surveyDueAt && new Date(r.surveyDueAt) <= now ? 'breached' : 'due_today',
          link: `/desk?status=survey_due&case=${r.id}`,
        }),
      ),
    });
  },
};

const deskOpen: HomeProvider = {
  key: 'figures.desk_open',
  roles: ['county_manager', 'admin'],
  async load({ db, viewer, now }) {
    const [r] = await query<{ n: number; overdue: number }>(
      db,
      sql`select count(*)::int as n, count(*) filter (where c.breached_at is not null or c.due_at <= ${now.toISOString()}::timestamptz)::int as overdue
        from desk_cases c where ${caseScope(viewer)} and c.status <> 'closed'`,
    );
    return homeItem('figures.desk_open', { group: 'figures', count: r.n, extra: r.overdue, link: '/desk' });
  },
};

export const deskProviders: HomeProvider[] = [casesDue, breaches, surveysDue, loggedOpen, deskOpen];
