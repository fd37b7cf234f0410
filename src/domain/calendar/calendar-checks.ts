// Checks on business hours and on a holiday override table, each problem with
// a stable code and a zh/en message, so a form or a route can refuse the whole
// input and change nothing.
import { isCalendarDate, statutoryDay } from './statutory-days.js';

export type BusinessPeriod = { start: string; end: string }; // 'HH:MM' local, start < end
export type CalendarOverride = { date: string; workday: boolean; name?: string }; // 'YYYY-MM-DD'

export type CalendarProblem = {
  code: string;
  message: string;
  messageZh: string;
  /** Index of the period or override the problem is about. */
  index?: number;
};

export const OVERRIDE_NAME_MAX = 40;

const HHMM_RE = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

/** Minutes after local midnight for 'HH:MM' (24:00 allowed as an end), else null. */
export function parseHhmm(s: string): number | null {
  const m = HHMM_RE.exec(s);
  if (!m) return null;
  return m[3] ? 24 * 60 : Number(m[1]) * 60 + Number(m[2]);
}

export function checkPeriods(periods: BusinessPeriod[]): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  if (periods.length === 0) {
    problems.push({
      code: 'calendar_periods_none',
      message: 'At least one business-hours period is needed',
      messageZh: '至少需要一个营业时段',
    });
    return problems;
  }
  const parsed: { index: number; start: number; end: number }[] = [];
  periods.forEach((p, index) => {
    const start = parseHhmm(p.start);
    const end = parseHhmm(p.end);
    if (start === null || end === null || start === 24 * 60) {
      problems.push({
        code: 'calendar_period_bad_format',
        message: `Period ${index + 1}: times must be HH:MM (00:00–24:00), got ${p.start}–${p.end}`,
        messageZh: `第 ${index + 1} 个时段：时间须为 HH:MM（00:00–24:00），收到 ${p.start}–${p.end}`,
        index,
      });
    } else if (end <= start) {
      problems.push({
        code: 'calendar_period_not_positive',
        message: `Period ${index + 1}: ${p.start}–${p.end} ends before or when it starts`,
        messageZh: `第 ${index + 1} 个时段：${p.start}–${p.end} 结束时间不晚于开始时间`,
        index,
      });
    } else parsed.push({ index, start, end });
  });
  parsed.sort((a, b) => a.start - b.start);
  for (let i = 1; i < parsed.length; i++) {
    const prev = parsed[i - 1];
    const cur = parsed[i];
    if (cur.start < prev.end) {
      const a = periods[prev.index];
      const b = periods[cur.index];
      problems.push({
        code: 'calendar_periods_overlap',
        message: `Periods ${a.start}–${a.end} and ${b.start}–${b.end} overlap`,
        messageZh: `时段 ${a.start}–${a.end} 与 ${b.start}–${b.end} 重叠`,
        index: cur.index,
      });
    }
  }
  return problems;
}

export function checkOverrides(overrides: CalendarOverride[]): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const seen = new Set<string>();
  overrides.forEach((o, index) => {
    if (!isCalendarDate(o.date)) {
      problems.push({
        code: 'calendar_override_bad_date',
        message: `${o.date} is not a date (YYYY-MM-DD)`,
        messageZh: `${o.date} 不是有效日期（YYYY-MM-DD）`,
        index,
      });
      return;
    }
    if (seen.has(o.date)) {
      problems.push({
        code: 'calendar_override_duplicate',
        message: `${o.date} is listed more than once`,
        messageZh: `${o.date} 重复设置`,
        index,
      });
    }
    seen.add(o.date);
    const statutory = statutoryDay(o.date);
    if (o.workday && statutory.kind === 'holiday') {
      const name = statutory.nameEn ?? 'a statutory holiday';
      const nameZh = statutory.nameZh ?? '法定节假日';
      problems.push({
        code: 'calendar_override_makeup_on_holiday',
        message: `${o.date} is a statutory holiday (${name}); a make-up workday cannot be placed on it`,
        messageZh: `${o.date} 是法定节假日（${nameZh}），不能设为调休上班日`,
        index,
      });
    }
    if (o.name !== undefined && o.name.length > OVERRIDE_NAME_MAX) {
      problems.push({
        code: 'calendar_override_name_too_long',
        message: `${o.date}: the name is longer than ${OVERRIDE_NAME_MAX} characters`,
        messageZh: `${o.date}：名称超过 ${OVERRIDE_NAME_MAX} 个字`,
        index,
      });
    }
  });
  return problems;
}
