// The week and month a figure belongs to, said as dates: "第49周 12月7日–12月13日"
// instead of 本周 when the week meant is not the current one, "11月" instead
// of 本月 when the month is an earlier one. Weeks are ISO weeks (Monday first).

export type Lang = 'zh' | 'en';
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function utcDay(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** ISO 8601 week number of a date (YYYY-MM-DD) and the year that week belongs to. */
export function isoWeek(iso: string): { year: number; week: number } {
  const d = utcDay(iso);
  const thursday = new Date(d);
  thursday.setUTCDate(d.getUTCDate() + 3 - ((d.getUTCDay() + 6) % 7));
  const year = thursday.getUTCFullYear();
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const week1Monday = new Date(jan4);
  week1Monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7));
  return { year, week: 1 + Math.round((thursday.getTime() - week1Monday.getTime()) / (7 * 86_400_000)) };
}

/** A day as people write it: "12月7日" / "7 Dec". */
export function dayLabel(iso: string, lang: Lang): string {
  const d = utcDay(iso);
  return lang === 'zh' ? `${d.getUTCMonth() + 1}月${d.getUTCDate()}日` : `${d.getUTCDate()} ${MONTHS_EN[d.getUTCMonth()]}`;
}

/** The week starting on a Monday: "第49周 12月7日–12月13日" / "Week 49, 7 Dec–13 Dec". */
export function weekLabel(weekStart: string, lang: Lang): string {
  const monday = utcDay(weekStart);
  const sunday = new Date(monday);
  sunday.setUTCDate(monday.getUTCDate() + 6);
  const { week } = isoWeek(weekStart);
  const range = `${dayLabel(weekStart, lang)}–${dayLabel(sunday.toISOString(), lang)}`;
  return lang === 'zh' ? `第${week}周 ${range}` : `Week ${week}, ${range}`;
}

/** A month (YYYY-MM or any date in it): "11月" / "Nov"; with the year when `withYear`. */
export function monthLabel(month: string, lang: Lang, withYear = false): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  if (lang === 'zh') return withYear ? `${y}年${m}月` : `${m}月`;
  return withYear ? `${MONTHS_EN[m - 1]} ${y}` : MONTHS_EN[m - 1]!;
}

const WEEKDAYS_ZH = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
/** 1 = Monday … 7 = Sunday. */
export function weekdayLabel(weekday: number, lang: Lang): string {
  return (lang === 'zh' ? WEEKDAYS_ZH : WEEKDAYS_EN)[(weekday - 1 + 7) % 7]!;
}

/** A moment in Beijing time as "12月7日 08:00" / "7 Dec 08:00" (order windows are set in Beijing time). */
export function beijingTimeLabel(instant: string | Date, lang: Lang): string {
  const t = new Date(new Date(instant).getTime() + 8 * 3_600_000);
  const hh = String(t.getUTCHours()).padStart(2, '0');
  const mm = String(t.getUTCMinutes()).padStart(2, '0');
  return `${dayLabel(t.toISOString(), lang)} ${hh}:${mm}`;
}
