// Date figures on the card, computed against a given "today" (not the clock).

/** Whole days from today (local calendar date) to a YYYY-MM-DD date; negative when past. */
export function daysUntil(date: string, today: Date): number {
  const [y, m, d] = date.split('-').map(Number);
  const target = Date.UTC(y, m - 1, d);
  const from = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((target - from) / 86_400_000);
}

/** A stored birthday as people say it: lunar ones by month and day of the lunar calendar. */
export function birthdayText(birthday: string, calendar: string, lang: 'zh' | 'en'): string {
  const [y, m, d] = birthday.split('-').map(Number);
  if (lang === 'zh') return calendar === 'lunar' ? `${y} 年 农历${lunarMonth(m)}${lunarDay(d)}` : `${y} 年 ${m} 月 ${d} 日`;
  return calendar === 'lunar' ? `${y}, lunar month ${m} day ${d}` : `${y}-${pad(m)}-${pad(d)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function lunarMonth(m: number): string {
  const names = ['', '正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊'];
  return `${names[m] ?? m}月`;
}

export function lunarDay(d: number): string {
  if (d === 10) return '初十';
  if (d === 20) return '二十';
  if (d === 30) return '三十';
  if (d < 10) return `初${DIGITS[d]}`;
  if (d < 20) return `十${DIGITS[d - 10]}`;
  if (d < 30) return `廿${DIGITS[d - 20]}`;
  return String(d);
}
