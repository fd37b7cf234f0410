// The working calendar a case's deadlines run on: the policy's business
// periods on the Chinese calendar (statutory holidays and 调休), with the
// org's own holiday overrides.
import { makeWorkingCalendar, type WorkingCalendar } from '../../domain/calendar/working-time.js';
import type { Db } from '../../db/client.js';
import type { DeskPolicyRules } from '../../shared/desk.js';

export async function deskCalendar(_db: Db, _orgId: number, rules: Pick<DeskPolicyRules, 'periods'>): Promise<WorkingCalendar> {
  return makeWorkingCalendar({ periods: rules.periods });
}
