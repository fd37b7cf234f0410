// Labels of desk codes for the screens, from the shared code lists.
import { causeLabel, DESK_CATEGORIES, deskLabel, isCategory } from '../../../shared/desk.js';

export type Lang = 'zh' | 'en';

export const categoryLabel = (c: string, lang: Lang) => (isCategory(c) ? DESK_CATEGORIES[c][lang] : c);
export const caseLabel = (c: { category: string; cause: string }, lang: Lang) => `${categoryLabel(c.category, lang)} · ${causeLabel(c.category, c.cause, lang)}`;
export { deskLabel };

export const fmtTime = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }) : '—';
