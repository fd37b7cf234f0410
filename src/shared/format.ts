// The one way figures, money and dates are written on every screen and file,
// whatever the browser's locale: ¥1,234.50; 2026-11-27; 2026-11-27 10:05
// (China time, where the county works). Decision 1413.

const grouped = (n: number, digits: number) => {
  const [int, frac] = Math.abs(n).toFixed(digits).split('.');
  const body = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 && Number(Math.abs(n).toFixed(digits)) !== 0 ? '-' : ''}${body}${frac ? `.${frac}` : ''}`;
};

/** ¥1,234.50 — always two decimals and thousands separators. */
/** ¥1,234.50: the one money format (shared/money.ts). */
export { formatYuan as formatMoney } from './money.js';

/** 12,345 or 12,345.6 — a count or measure with thousands separators. */
export function formatNumber(n: number, digits = 0): string {
  return grouped(n, digits);
}

const CHINA_MS = 8 * 3600_000;

/** 2026-11-27: a day (a YYYY-MM-DD string passes through; an instant is read in China time). */
export function formatDate(v: string | Date): string {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  return new Date(new Date(v).getTime() + CHINA_MS).toISOString().slice(0, 10);
}

/** 2026-11-27 10:05, in China time. */
export function formatDateTime(v: string | Date): string {
  return new Date(new Date(v).getTime() + CHINA_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** 2026-11-27 10:05:09 in China time: the one date-time form of exported files (empty for none). */
export function formatFileTime(v: string | Date | null): string {
  return v === null ? '' : new Date(new Date(v).getTime() + CHINA_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** 20261127: the China day of an instant, as exported file names carry it. */
export function fileDay(v: Date): string {
  return formatDate(v).replace(/-/g, '');
}
