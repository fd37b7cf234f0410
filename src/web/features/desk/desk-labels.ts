// Labels of desk codes for the screens, from the shared code lists.
import { causeLabel, DESK_CATEGORIES, deskLabel, isCategory } from '../../../shared/desk.js';

export type Lang = 'zh' | 'en';

export const categoryLabel = (c: string, lang: Lang) => (isCategory(c) ? DESK_CATEGORIES[c][lang] : c);
export const caseLabel = (c: { category: string; cause: string }, lang: Lang) => `${categoryLabel(c.category, lang)} · ${causeLabel(c.category, c.cause, lang)}`;
export { deskLabel };

/** Due state of an open case as the clock stands now. */
export function dueState(c: { status: string; warnAt: string | null; dueAt: string | null; warnedAt: string | null; breachedAt: string | null }, now = Date.now()): 'breached' | 'warning' | 'ok' | 'none' {
  if (c.status === 'closed') return 'none';
  if (c.breachedAt || (c.dueAt && Date.parse(c.dueAt) <= now)) return 'breached';
  if (c.warnedAt || (c.warnAt && Date.parse(c.warnAt) <= now)) return 'warning';
  return c.dueAt ? 'ok' : 'none';
}

export const fmtTime = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }) : '—';
