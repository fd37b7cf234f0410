// Small builders for home items and rows: a provider names what it knows and
// the rest is null, so every provider answers the same shape.
import type { HomeItem, HomeItemKey, HomeRow } from '../../shared/home.js';

type Need = Pick<HomeItem, 'group' | 'count' | 'link'>;

export function homeItem(key: HomeItemKey, need: Need & Partial<Omit<HomeItem, 'key'>>): HomeItem {
  return { key, tone: 'normal', total: null, unit: 'count', extra: null, tag: null, date: null, at: null, rows: [], ...need };
}

export function homeRow(row: Pick<HomeRow, 'label'> & Partial<HomeRow>): HomeRow {
  return { sub: null, at: null, date: null, amount: null, value: null, total: null, tag: null, link: null, ...row };
}

/** Danger when anything is overdue, warning when anything is due, else normal. */
export function toneOf(overdue: number, due: number): HomeItem['tone'] {
  return overdue > 0 ? 'danger' : due > 0 ? 'warning' : 'normal';
}

export const ROWS = 8;
