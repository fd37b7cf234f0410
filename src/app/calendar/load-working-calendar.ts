// An org's working calendar: the statutory days (chinese-days) corrected by
// the org's override table, with the given business hours (the desk policy's,
// or the default 08:30–12:00, 13:30–17:30).
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import {
  DEFAULT_BUSINESS_PERIODS,
  makeWorkingCalendar,
  type BusinessPeriod,
  type CalendarOverride,
  type WorkingCalendar,
} from '../../domain/calendar/working-time.js';

export { DEFAULT_BUSINESS_PERIODS };

export async function findOrgOverrides(db: Db, orgId: number, year?: number): Promise<(CalendarOverride & { name: string; createdAt: string })[]> {
  const inYear = year === undefined ? sql`true` : sql`extract(year from date) = ${year}`;
  return query(
    db,
    sql`select to_char(date, 'YYYY-MM-DD') as date, workday, name, created_at as "createdAt"
      from calendar_overrides where org_id = ${orgId} and ${inYear} order by date`,
  );
}

export async function loadWorkingCalendar(db: Db, orgId: number, periods: readonly BusinessPeriod[] = DEFAULT_BUSINESS_PERIODS): Promise<WorkingCalendar> {
  const overrides = await findOrgOverrides(db, orgId);
  return makeWorkingCalendar({ periods: [...periods], overrides: overrides.map(({ date, workday }) => ({ date, workday })) });
}
