// What an administrator watches: background jobs that failed in the last
// seven days or are waiting, and today's audit rows by person. Jobs are the
// org's own (cron sweeps without an org belong to no county and are not shown).
import { sql } from 'drizzle-orm';
import { query } from '../../db/client.js';
import type { HomeProvider } from './home-registry.js';
import { homeItem, homeRow, ROWS, toneOf } from './home-item.js';

const jobsFailed: HomeProvider = {
  key: 'jobs.failed',
  roles: ['admin'],
  async load({ db, viewer, now }) {
    const since = new Date(now.getTime() - 7 * 86_400_000).toISOString();
    const rows = await query<{ n: number; name: string; error: string | null; at: string }>(
      db,
      sql`select count(*) over ()::int as n, name, error, coalesce(finished_at, updated_at) as at from jobs
        where org_id = ${viewer.orgId} and state = 'failed' and coalesce(finished_at, updated_at) >= ${since}::timestamptz
        order by coalesce(finished_at, updated_at) desc, id desc limit ${ROWS}`,
    );
    const n = rows[0]?.n ?? 0;
    return homeItem('jobs.failed', {
      group: 'watch',
      count: n,
      tone: n > 0 ? 'danger' : 'good',
      link: '/audit',
      rows: rows.map((r) => homeRow({ label: r.name, sub: r.error, at: r.at, tag: 'failed' })),
    });
  },
};

const jobsBacklog: HomeProvider = {
  key: 'jobs.backlog',
  roles: ['admin'],
  async load({ db, viewer, now }) {
    const rows = await query<{ n: number; name: string; state: 'queued' | 'running'; at: string }>(
      db,
      sql`select count(*) over ()::int as n, name, state, coalesce(started_at, run_at) as at from jobs
        where org_id = ${viewer.orgId} and (state = 'running' or (state = 'queued' and run_at <= ${now.toISOString()}::timestamptz))
        order by coalesce(started_at, run_at), id limit ${ROWS}`,
    );
    const n = rows[0]?.n ?? 0;
    return homeItem('jobs.backlog', {
      group: 'watch',
      count: n,
      tone: toneOf(0, n > 20 ? n : 0),
      link: '/audit',
      rows: rows.map((r) => homeRow({ label: r.name, at: r.at, tag: r.state })),
    });
  },
};

const auditToday: HomeProvider = {
  key: 'audit.today',
  roles: ['admin'],
  async load({ db, viewer, today, dayStart, dayEnd }) {
    const rows = await query<{ total: number; userId: number | null; name: string | null; n: number }>(
      db,
      sql`select (sum(count(*)) over ())::int as total, a.user_id as "userId", u.display_name as name, count(*)::int as n
        from audit_log a left join users u on /* cross-org: a province user or the mover of a shop */ u.id = a.user_id
        where a.org_id = ${viewer.orgId} and a.at >= ${dayStart.toISOString()}::timestamptz and a.at < ${dayEnd.toISOString()}::timestamptz
        group by a.user_id, u.display_name order by n desc, a.user_id nulls last limit ${ROWS}`,
    );
    const link = `/audit?from=${today}&to=${today}`;
    return homeItem('audit.today', {
      group: 'figures',
      count: rows[0]?.total ?? 0,
      link,
      rows: rows.map((r) => homeRow({ label: r.name ?? '—', value: r.n, link: r.userId ? `${link}&userId=${r.userId}` : link })),
    });
  },
};

export const adminProviders: HomeProvider[] = [jobsFailed, jobsBacklog, auditToday];
