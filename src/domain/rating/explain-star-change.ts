// Why did my star change? Each item's value and points now and last month,
// ordered by how much it moved the total, with a sentence per item.
import { starLabel } from '../../shared/codes.js';
import { formatItemValue } from './format-value.js';
import { ratingMessages, say } from './messages.js';
import { monthLabel } from '../../shared/periods.js';
import type { Month, StarItemId, StarItemResult, StarResult, Text } from './types.js';

export interface ExplainedItem {
  id: StarItemId;
  value: number | string | null;
  prevValue: number | string | null;
  points: number;
  prevPoints: number;
  max: number;
  /** points − prevPoints: what this item did to the total. */
  delta: number;
  text: Text;
}

export interface StarChangeExplanation {
  retailerId: string;
  month: Month;
  prevMonth: Month;
  schemeVersion: string;
  prevSchemeVersion: string;
  score: number;
  prevScore: number;
  star: number;
  prevStar: number;
  /** Largest movers first; unchanged items last, in scheme order. */
  items: ExplainedItem[];
  /** The headline, then notes on moved star lines or a changed scheme. */
  summary: Text[];
}

const starText = (star: number): Text => ({ zh: starLabel(star, 'zh'), en: starLabel(star, 'en') });

function sentence(id: StarItemId, cur: StarItemResult | undefined, prev: StarItemResult | undefined): Text {
  const label = ratingMessages[`item_${id}`];
  const value = cur ? formatItemValue(id, cur.value) : null;
  const prevValue = prev ? formatItemValue(id, prev.value) : null;
  const points = cur?.points ?? 0;
  const prevPoints = prev?.points ?? 0;
  const delta = points - prevPoints;
  const both = (key: Parameters<typeof say>[0], lang: 'zh' | 'en') =>
    say(key, {
      label: label[lang],
      value: value?.[lang] ?? '',
      prev: prevValue?.[lang] ?? '',
      points,
      prevPoints,
      delta: Math.abs(delta),
    })[lang];
  const key = !prev ? 'change_new_item' : !cur ? 'change_dropped_item' : delta < 0 ? 'change_less' : delta > 0 ? 'change_more' : 'change_same';
  return { zh: both(key, 'zh'), en: both(key, 'en') };
}

export function explainStarChange(prev: StarResult, cur: StarResult): StarChangeExplanation {
  const ids: StarItemId[] = cur.items.map((i) => i.id);
  for (const i of prev.items) if (!ids.includes(i.id)) ids.push(i.id);
  const order = new Map(ids.map((id, k) => [id, k]));

  const items: ExplainedItem[] = ids.map((id) => {
    const c = cur.items.find((i) => i.id === id);
    const p = prev.items.find((i) => i.id === id);
    return {
      id,
      value: c?.value ?? null,
      prevValue: p?.value ?? null,
      points: c?.points ?? 0,
      prevPoints: p?.points ?? 0,
      max: c?.max ?? 0,
      delta: (c?.points ?? 0) - (p?.points ?? 0),
      text: sentence(id, c, p),
    };
  });
  items.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || order.get(a.id)! - order.get(b.id)!);

  const headlineKey = cur.star < prev.star ? 'summary_star_down' : cur.star > prev.star ? 'summary_star_up' : 'summary_star_same';
  const summary: Text[] = [];
  const star = starText(cur.star);
  const prevStar = starText(prev.star);
  // The rated month by name ("10月总分"), not 本月: the latest published month is usually an earlier one (issue 14, item 13).
  const month = { zh: monthLabel(cur.month, 'zh'), en: monthLabel(cur.month, 'en', true) };
  const prevMonth = { zh: monthLabel(prev.month, 'zh'), en: monthLabel(prev.month, 'en', true) };
  summary.push({
    zh: say(headlineKey, { score: cur.score, prevScore: prev.score, star: star.zh, prevStar: prevStar.zh, month: month.zh, prevMonth: prevMonth.zh }).zh,
    en: say(headlineKey, { score: cur.score, prevScore: prev.score, star: star.en, prevStar: prevStar.en, month: month.en, prevMonth: prevMonth.en }).en,
  });
  // With rank cut-offs (or a new scheme) the line itself can move under the retailer.
  for (const s of new Set([prev.star, cur.star, Math.min(cur.star + 1, 6)])) {
    const c = cur.cutoffs[s - 1];
    const p = prev.cutoffs[s - 1];
    if (s > 1 && c !== p && !Number.isNaN(c) && !Number.isNaN(p)) {
      const label = starText(s);
      summary.push({
        zh: say('summary_cutoff_moved', { star: label.zh, cutoff: c, prevCutoff: p }).zh,
        en: say('summary_cutoff_moved', { star: label.en, cutoff: c, prevCutoff: p }).en,
      });
    }
  }
  if (cur.schemeVersion !== prev.schemeVersion) {
    summary.push(say('summary_scheme_changed', { version: cur.schemeVersion, prevVersion: prev.schemeVersion }));
  }

  return {
    retailerId: cur.retailerId,
    month: cur.month,
    prevMonth: prev.month,
    schemeVersion: cur.schemeVersion,
    prevSchemeVersion: prev.schemeVersion,
    score: cur.score,
    prevScore: prev.score,
    star: cur.star,
    prevStar: prev.star,
    items,
    summary,
  };
}
