// The county's view on the home: rewards waiting for approval, the latest
// rating run, the county's four measures (四度) of the latest night, and the
// retailers on file (with e-settlement). Forecasts add their own providers
// beside these.
import { sql } from 'drizzle-orm';
import { query } from '../../db/client.js';
import type { HomeTag } from '../../shared/home.js';
import type { HomeProvider } from './home-registry.js';
import { homeItem, homeRow, ROWS, toneOf } from './home-item.js';

const rewards: HomeProvider = {
  key: 'approvals.rewards',
  roles: ['county_manager', 'admin'],
  async load({ db, viewer }) {
    const rows = await query<{ n: number; caseId: number; shopName: string; description: string; at: string }>(
      db,
      sql`select count(*) over ()::int as n, w.case_id as "caseId", r.shop_name as "shopName", w.description, w.proposed_at as at
        from desk_rewards w join retailers r on r.org_id = w.org_id and r.id = w.retailer_id
        where w.org_id = ${viewer.orgId} and w.status = 'proposed' order by w.proposed_at, w.id limit ${ROWS}`,
    );
    const n = rows[0]?.n ?? 0;
    return homeItem('approvals.rewards', {
      group: 'todo',
      count: n,
      tone: toneOf(0, n),
      link: rows.length ? `/desk?case=${rows[0].caseId}` : '/desk',
      rows: rows.map((r) => homeRow({ label: r.shopName, sub: r.description, at: r.at, link: `/desk?case=${r.caseId}` })),
    });
  },
};

const RUN_TAGS: Record<string, HomeTag> = { computing: 'running', draft: 'draft', published: 'published', failed: 'failed' };

const ratingRun: HomeProvider = {
  key: 'rating.run_status',
  roles: ['county_manager', 'admin'],
  async load({ db, viewer }) {
    const [run] = await query<{ month: string; status: string; retailers: number; at: string }>(
      db,
      sql`select month, status, retailers, coalesce(published_at, finished_at, started_at) as at from rating_runs
        where org_id = ${viewer.orgId} and status <> 'superseded' order by started_at desc, id desc limit 1`,
    );
    if (!run) return homeItem('rating.run_status', { group: 'watch', count: 0, tag: 'none', link: '/ratings' });
    return homeItem('rating.run_status', {
      group: 'watch',
      count: run.retailers,
      tag: RUN_TAGS[run.status] ?? null,
      tone: run.status === 'failed' ? 'danger' : run.status === 'draft' ? 'warning' : 'normal',
      link: '/ratings',
      rows: [homeRow({ label: run.month, at: run.at, tag: RUN_TAGS[run.status] ?? null })],
    });
  },
};

/** The four measures' county means of the latest night the job wrote, each a row; the count is the shops measured. */
const measuresFigure: HomeProvider = {
  key: 'figures.measures',
  roles: ['county_manager', 'admin'],
  async load({ db, viewer }) {
    const [m] = await query<{ asOf: string | null; n: number; surveyed: number; dep: number; sat: number | null; loy: number | null; con: number | null; depMean: number | null }>(
      db,
      sql`select max(as_of)::text as "asOf", count(*)::int as n, count(satisfaction)::int as surveyed, count(dependence)::int as dep,
          round(avg(satisfaction)::numeric, 1)::float8 as sat, round(avg(loyalty)::numeric, 1)::float8 as loy,
          round(avg(contribution)::numeric, 1)::float8 as con, round(avg(dependence)::numeric, 1)::float8 as "depMean"
        from retailer_measures
        where org_id = ${viewer.orgId} and as_of = (select max(as_of) from retailer_measures where org_id = ${viewer.orgId})`,
    );
    if (!m?.asOf) return homeItem('figures.measures', { group: 'figures', count: 0, tag: 'none', link: '/measures' });
    const row = (label: string, value: number | null, sub: string | null) => homeRow({ label, value, total: value === null ? null : 100, sub, date: m.asOf, link: '/measures' });
    return homeItem('figures.measures', {
      group: 'figures',
      count: m.n,
      extra: m.surveyed,
      date: m.asOf,
      link: '/measures',
      rows: [
        row('满意度 Satisfaction', m.sat, `n = ${m.surveyed}`),
        row('忠诚度 Loyalty', m.loy, null),
        row('贡献度 Contribution', m.con, null),
        row('依存度 Dependence', m.depMean, `n = ${m.dep}`),
      ],
    });
  },
};

const retailersFigure: HomeProvider = {
  key: 'figures.retailers',
  roles: ['county_manager', 'admin'],
  async load({ db, viewer }) {
    const [r] = await query<{ n: number; e: number }>(
      db,
      sql`select count(*)::int as n, count(*) filter (where e_settlement)::int as e from retailers where org_id = ${viewer.orgId} and status = 'active'`,
    );
    return homeItem('figures.retailers', { group: 'figures', count: r.n, extra: r.e, link: '/retailers' });
  },
};

export const countyProviders: HomeProvider[] = [rewards, ratingRun, measuresFigure, retailersFigure];
