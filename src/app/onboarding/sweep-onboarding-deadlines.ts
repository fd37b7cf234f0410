// The timer sweep: open steps whose warning time or deadline has passed are
// marked once (warned_at, breached_at) and, in the same statement, the
// person who owns the step is told through the notices outbox — the grid's
// client manager for their step (the station head when the grid has no active
// worker), the county managers for the departments' steps (decision 1011).
// The outbox key (step, level, person) makes it once per step and level,
// whatever reruns; set-based, every org at once.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { ingestOutbox } from '../notices/ingest-outbox.js';

type Level = 'warning' | 'breach';

function markAndTell(level: Level, at: string) {
  const mark = level === 'warning' ? sql`warned_at` : sql`breached_at`;
  const due = level === 'warning' ? sql`warn_at` : sql`due_at`;
  return sql`
    with marked as (
      update onboarding_steps set ${mark} = ${at}::timestamptz
      where completed_at is null and started_at is not null and ${mark} is null and ${due} <= ${at}::timestamptz
      returning org_id, onboarding_id, step, owner_role, owner_user_id, due_at),
    told as (
      insert into outbox (org_id, kind, user_id, dedupe_key, payload, created_at)
      select m.org_id, 'onboarding_deadline', u.id, 'onboarding:' || m.onboarding_id || ':' || m.step || ':' || ${level}::text || ':' || u.id,
        jsonb_build_object('onboardingId', m.onboarding_id, 'step', m.step, 'level', ${level}::text, 'dueAt', m.due_at, 'shopName', o.shop_name, 'licenceNo', o.licence_no),
        ${at}::timestamptz
      from marked m
        join onboardings o on o.org_id = m.org_id and o.id = m.onboarding_id
        join grids g on g.org_id = o.org_id and g.id = o.grid_id
        join users u on u.org_id = m.org_id and u.active and (
          (m.owner_role = 'client_manager' and (u.id = m.owner_user_id
            or (u.role = 'station_head' and u.station_id = g.station_id
              and not exists (select 1 from users w where w.org_id = m.org_id and w.id = m.owner_user_id and w.active and w.role = 'grid_worker'))))
          or (m.owner_role <> 'client_manager' and u.role = 'county_manager'))
      on conflict do nothing
      returning org_id)
    select (select count(*)::int from marked) as steps, coalesce((select array_agg(distinct org_id) from told), '{}') as orgs`;
}

export async function sweepOnboardingDeadlines(db: Db, now: Date): Promise<{ warned: number; breached: number; notified: number }> {
  const at = now.toISOString();
  const orgs = new Set<number>();
  const counts: Record<Level, number> = { warning: 0, breach: 0 };
  for (const level of ['warning', 'breach'] as const) {
    const [r] = await query<{ steps: number; orgs: number[] }>(db, markAndTell(level, at));
    counts[level] = r.steps;
    for (const o of r.orgs) orgs.add(o);
  }
  let notified = 0;
  for (const orgId of orgs) notified += (await ingestOutbox(db, orgId, now)).notices;
  return { warned: counts.warning, breached: counts.breach, notified };
}
