// The "why" of a forecast in both languages, e.g.
// 去年春节前第2周 ×1.62 · 近期走势 ×1.04 · 模型修正 ×0.97.
import { EVENT_LABELS } from './events.js';

export type WhyInput = {
  baseline: number;
  event: number;
  trend: number;
  adjustment: number;
  eventKind: string | null;
  eventOffset: number;
};

const x = (f: number) => `×${f.toFixed(2)}`;

function eventName(kind: string | null, offset: number): { zh: string; en: string } {
  if (!kind) return { zh: '去年同周', en: 'same week last year' };
  const l = EVENT_LABELS[kind] ?? { zh: kind, en: kind };
  if (offset === 0) return { zh: `去年${l.zh}当周`, en: `last year's ${l.en} week` };
  const n = Math.abs(offset);
  return offset < 0
    ? { zh: `去年${l.zh}前第${n}周`, en: `${n} week${n > 1 ? 's' : ''} before last year's ${l.en}` }
    : { zh: `去年${l.zh}后第${n}周`, en: `${n} week${n > 1 ? 's' : ''} after last year's ${l.en}` };
}

export function whyText(w: WhyInput): { zh: string; en: string } {
  const ev = eventName(w.eventKind, w.eventOffset);
  return {
    zh: `近13周平均 ${w.baseline.toFixed(1)} 条 · ${ev.zh} ${x(w.event)} · 近期走势 ${x(w.trend)} · 模型修正 ${x(w.adjustment)}`,
    en: `13-week mean ${w.baseline.toFixed(1)} cartons · ${ev.en} ${x(w.event)} · recent trend ${x(w.trend)} · model ${x(w.adjustment)}`,
  };
}
