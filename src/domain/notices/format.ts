// Times in notices, as a shop reads them: Beijing time, month, day, weekday.
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

export function shanghaiLabel(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3600_000);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日(周${WEEKDAYS[d.getUTCDay()]}) ${hh}:${mm}`;
}
