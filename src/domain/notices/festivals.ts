// The lunar festivals a branch greets its shops on (Spring Festival, Lantern,
// Mid-Autumn), for a Beijing calendar date.
import { Solar } from 'lunar-typescript';

export type Festival = { key: string; name: string; wish: string; lunarYear: number };

const FESTIVALS: Record<string, { key: string; name: string; wish: string }> = {
  '1-1': { key: 'spring', name: '春节', wish: '新春佳节，恭祝您阖家幸福、生意兴隆！' },
  '1-15': { key: 'lantern', name: '元宵节', wish: '元宵佳节，祝您团团圆圆、万事顺意！' },
  '8-15': { key: 'mid_autumn', name: '中秋节', wish: '中秋月圆，祝您阖家团圆、生意红火！' },
};

/** The festival on this Beijing date (YYYY-MM-DD), or null. */
export function festivalOn(date: string): Festival | null {
  const [y, m, d] = date.split('-').map(Number);
  const lunar = Solar.fromYmd(y, m, d).getLunar();
  // A leap month (negative in lunar-typescript) is not the festival's month.
  const f = FESTIVALS[`${lunar.getMonth()}-${lunar.getDay()}`];
  return f ? { ...f, lunarYear: lunar.getYear() } : null;
}
