// The working calendar a case's deadlines run on: the policy's business
// periods on the Chinese calendar (statutory holidays and 调休), corrected by
// the org's holiday override table.
import type { WorkingCalendar } from '../../domain/calendar/working-time.js';
import type { Db } from '../../db/client.js';
import type { DeskPolicyRules } from '../../shared/desk.js';
import { loadWorkingCalendar } from '../calendar/load-working-calendar.js';

export async function deskCalendar(db: Db, orgId: number, rules: Pick<DeskPolicyRules, 'periods'>): Promise<WorkingCalendar> {
  return loadWorkingCalendar(db, orgId, rules.periods);
}
