// The holiday override table: add and delete days, each checked against the
// statutory calendar and the org's other overrides, written with its audit
// row in one transaction; a refused day changes nothing.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { checkOverrides, type CalendarProblem } from '../../domain/calendar/calendar-checks.js';
import { STATUTORY_DATA_LAST_YEAR, statutoryDay } from '../../domain/calendar/statutory-days.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import type { CalendarDay, CalendarOverrideInput, CalendarYear } from '../../shared/calendar.js';
import { isMessageCode } from '../../shared/messages.js';
import { writeAudit } from '../audit/audit.js';
import { DEFAULT_BUSINESS_PERIODS, findOrgOverrides } from './load-working-calendar.js';

function refuse(p: CalendarProblem): never {
  const code = isMessageCode(p.code) ? p.code : 'validation_failed';
  throw new AppError(code, [{ field: 'date', code }], { message: p.messageZh, messageEn: p.message });
}

export async function addCalendarOverride(db: Db, viewer: Viewer, input: CalendarOverrideInput, now: Date, ip?: string) {
  const o = { date: input.date, workday: input.workday, name: input.name ?? '' };
  const [problem] = checkOverrides([o]);
  if (problem) refuse(problem);
  return db.transaction(async (tx) => {
    const [added] = await query<{ date: string }>(
      tx,
      sql`insert into calendar_overrides (org_id, date, workday, name, created_by, created_at)
        values (${viewer.orgId}, ${o.date}::date, ${o.workday}, ${o.name}, ${viewer.userId}, ${now.toISOString()}::timestamptz)
        on conflict (org_id, date) do nothing returning to_char(date, 'YYYY-MM-DD') as date`,
    );
    if (!added) refuse(checkOverrides([o, o])[0]);
    await writeAudit(tx, viewer, { action: 'update', entity: 'calendar_override', detail: { add: o }, ip }, now);
    return { ...o, createdAt: now.toISOString() };
  });
}

export async function deleteCalendarOverride(db: Db, viewer: Viewer, date: string, now: Date, ip?: string) {
  return db.transaction(async (tx) => {
    const [gone] = await query<{ workday: boolean; name: string }>(
      tx,
      sql`delete from calendar_overrides where org_id = ${viewer.orgId} and date = ${date}::date returning workday, name`,
    );
    if (!gone) throw new AppError('not_found');
    await writeAudit(tx, viewer, { action: 'update', entity: 'calendar_override', detail: { delete: { date, ...gone } }, ip }, now);
    return { date, deleted: true as const };
  });
}

/** Every day of a year as the org's calendar sees it, for the year view. */
export async function calendarYear(db: Db, orgId: number, year: number): Promise<CalendarYear> {
  const overrides = new Map((await findOrgOverrides(db, orgId, year)).map((o) => [o.date, o]));
  const days: CalendarDay[] = [];
  for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    const base = statutoryDay(date);
    const o = overrides.get(date);
    if (o) {
      const weekend = base.kind === 'weekend' || base.kind === 'makeup' || new Date(t).getUTCDay() % 6 === 0;
      const kind = o.workday ? (weekend ? 'makeup' : 'workday') : weekend && !o.name ? 'weekend' : 'holiday';
      days.push({ date, workday: o.workday, kind, source: 'override', name: o.name || null });
    } else {
      days.push({ date, workday: base.workday, kind: base.kind, source: 'statutory', name: base.nameZh });
    }
  }
  return { year, statutoryData: year <= STATUTORY_DATA_LAST_YEAR, periods: [...DEFAULT_BUSINESS_PERIODS], days };
}
