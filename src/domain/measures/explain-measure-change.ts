// Why did a shop's measure fall? Like the star "why" (rating/explain-star-change):
// each part's value then and now and the points it moved the measure by,
// largest effect first, one sentence each in zh and en.
import { dependenceSourceLabels, partLabels, type ContributionPart, type DependenceSource, type LoyaltyPart, type MeasureId, type MeasureWeights } from '../../shared/measures.js';

export type MeasureSnapshot = {
  asOf: string;
  satisfaction: number | null;
  loyalty: number;
  contribution: number;
  dependence: number | null;
  /** Where the dependence was reported (null with none, or rows from before sources were kept). */
  dependenceSource?: DependenceSource | null;
  loyaltyParts: Record<LoyaltyPart, number>;
  contributionParts: Record<ContributionPart, number | null>;
};

export type Text = { zh: string; en: string };
export type MeasureWhy = { measure: MeasureId; from: number; to: number; texts: Text[] };

const pct = (x: number) => `${Math.round(x * 100)}%`;
const one = (x: number) => (Math.round(x * 10) / 10).toString();

function partTexts<K extends LoyaltyPart | ContributionPart>(prev: Record<K, number | null>, cur: Record<K, number | null>, weights: Record<K, number>): Text[] {
  const effects = (Object.keys(weights) as K[])
    .map((k) => ({ k, p: prev[k], c: cur[k], effect: 100 * weights[k] * ((cur[k] ?? 0) - (prev[k] ?? 0)) }))
    .filter((e) => Math.abs(e.effect) >= 0.05)
    .sort((a, b) => a.effect - b.effect);
  return effects.map(({ k, p, c, effect }) => {
    const label = partLabels[k];
    const from = p === null ? '—' : pct(p);
    const to = c === null ? '—' : pct(c);
    const sign = effect < 0 ? '−' : '+';
    return {
      zh: `${label.zh}：${from} → ${to}（权重 ${pct(weights[k])}，${sign}${one(Math.abs(effect))} 分）`,
      en: `${label.en}: ${from} → ${to} (weight ${pct(weights[k])}, ${sign}${one(Math.abs(effect))} points)`,
    };
  });
}

/** The dependence's fall, saying where each figure was reported. */
function dependenceText(from: number, fromSource: DependenceSource, to: number, toSource: DependenceSource): Text {
  const f = dependenceSourceLabels[fromSource];
  const t = dependenceSourceLabels[toSource];
  if (fromSource === toSource)
    return { zh: `${t.zh}报告的卷烟收入占比由 ${one(from)}% 降至 ${one(to)}%`, en: `The tobacco share of income reported ${t.en} fell from ${one(from)}% to ${one(to)}%` };
  return {
    zh: `卷烟收入占比由${f.zh}报告的 ${one(from)}% 降至${t.zh}报告的 ${one(to)}%`,
    en: `The tobacco share of income fell from ${one(from)}% reported ${f.en} to ${one(to)}% reported ${t.en}`,
  };
}

/** The measures that fell by at least `threshold` points between the two snapshots, each with its reasons. */
export function explainMeasureChange(prev: MeasureSnapshot, cur: MeasureSnapshot, weights: MeasureWeights, threshold = 1): MeasureWhy[] {
  const out: MeasureWhy[] = [];
  if (cur.loyalty <= prev.loyalty - threshold)
    out.push({ measure: 'loyalty', from: prev.loyalty, to: cur.loyalty, texts: partTexts(prev.loyaltyParts, cur.loyaltyParts, weights.loyalty) });
  if (cur.contribution <= prev.contribution - threshold)
    out.push({ measure: 'contribution', from: prev.contribution, to: cur.contribution, texts: partTexts(prev.contributionParts, cur.contributionParts, weights.contribution) });
  if (prev.satisfaction !== null && cur.satisfaction !== null && cur.satisfaction <= prev.satisfaction - threshold)
    out.push({
      measure: 'satisfaction',
      from: prev.satisfaction,
      to: cur.satisfaction,
      texts: [{ zh: `最近一轮满意度调查的得分由 ${one(prev.satisfaction)} 降至 ${one(cur.satisfaction)}`, en: `The latest survey round scored ${one(cur.satisfaction)}, down from ${one(prev.satisfaction)}` }],
    });
  if (prev.dependence !== null && cur.dependence !== null && cur.dependence <= prev.dependence - threshold)
    out.push({
      measure: 'dependence',
      from: prev.dependence,
      to: cur.dependence,
      texts: [dependenceText(prev.dependence, prev.dependenceSource ?? 'visit', cur.dependence, cur.dependenceSource ?? 'visit')],
    });
  return out;
}
