// The timer sweep: open steps whose warning time or deadline has passed are
// marked once (warned_at, breached_at), so a screen or a notice can pick up
// what is new. Set-based, every org at once.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';

export async function sweepOnboardingDeadlines(db: Db, now: Date): Promise<{ warned: number; breached: number }> {
  const at = now.toISOString();
  const warned = await query<{ id: number }>(
    db,
    sql`update onboarding_steps set warned_at = ${at}::timestamptz
      where completed_at is null and started_at is not null and warned_at is null and warn_at <= ${at}::timestamptz returning onboarding_id as id`,
  );
  const breached = await query<{ id: number }>(
    db,
    sql`update onboarding_steps set breached_at = ${at}::timestamptz
      where completed_at is null and started_at is not null and breached_at is null and due_at <= ${at}::timestamptz returning onboarding_id as id`,
  );
  return { warned: warned.length, breached: breached.length };
}
