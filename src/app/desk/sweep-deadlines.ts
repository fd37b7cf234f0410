// The timer sweep: marks, in three set-based statements over every org, the
// open cases whose warning time has come, those past their deadline (a
// breach: escalated to the station head) and breached ones still open at
// their county time (escalated to the county), each with its event. The
// times were computed on working time when the case last moved, so the
// sweep only compares timestamps (partial indexes keep it to the rows due).
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';

export type SweepResult = { warned: number; breached: number; county: number };

export async function sweepDeadlines(db: Db, now: Date): Promise<SweepResult> {
  const t = sql`${now.toISOString()}::timestamptz`;
  return db.transaction(async (tx) => {
    const d = tx as unknown as Db;
    const [w] = await query<{ n: number }>(
      d,
      sql`with w as (update desk_cases set warned_at = ${t} where warned_at is null and warn_at <= ${t} and status = 'open' returning id, org_id, milestone),
        e as (insert into desk_case_events (org_id, case_id, type, detail, at) select org_id, id, 'warning', jsonb_build_object('milestone', milestone), ${t} from w)
        select count(*)::int as n from w`,
    );
    const [b] = await query<{ n: number }>(
      d,
      sql`with b as (update desk_cases set breached_at = ${t}, warned_at = coalesce(warned_at, ${t}), escalation = greatest(escalation, 1)
          where breached_at is null and due_at <= ${t} and status = 'open' returning id, org_id, milestone),
        e as (insert into desk_case_events (org_id, case_id, type, detail, at)
          select org_id, id, 'breach', jsonb_build_object('milestone', milestone), ${t} from b
          union all select org_id, id, 'escalation', jsonb_build_object('level', 1, 'to', 'station_head'), ${t} from b)
        select count(*)::int as n from b`,
    );
    const [c] = await query<{ n: number }>(
      d,
      sql`with c as (update desk_cases set escalation = 2 where escalation < 2 and county_at <= ${t} and breached_at is not null and status = 'open' returning id, org_id),
        e as (insert into desk_case_events (org_id, case_id, type, detail, at) select org_id, id, 'escalation', jsonb_build_object('level', 2, 'to', 'county'), ${t} from c)
        select count(*)::int as n from c`,
    );
    return { warned: w.n, breached: b.n, county: c.n };
  });
}
