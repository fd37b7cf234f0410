// The suggested order (建议订货量) for one product: the forecast (or a
// worker's override) in whole cartons, never above what the plan allows
// (the limit less what is already ordered), with the reason in both languages.
import { whyText, type WhyInput } from './explain.js';

export type SuggestInput = WhyInput & {
  forecast: number;
  /** A person's figure: the shop's client manager's, or marketing's county figure already shared out to this shop. */
  override: { qty: number; reason: string; by?: 'shop' | 'county' } | null;
  /** Cartons still allowed this week; null when the product has no limit. */
  remaining: number | null;
};

export type Suggestion = { qty: number; capped: boolean; reason: { zh: string; en: string } };

export function suggestOrder(s: SuggestInput): Suggestion {
  const wanted = Math.max(0, Math.round(s.override ? s.override.qty : s.forecast));
  const capped = s.remaining !== null && wanted > s.remaining;
  const qty = capped ? Math.max(0, s.remaining!) : wanted;
  const why = !s.override
    ? whyText(s)
    : s.override.by === 'county'
      ? { zh: `营销部调整全县预测：${s.override.reason}`, en: `county forecast adjusted by marketing: ${s.override.reason}` }
      : { zh: `客户经理调整：${s.override.reason}`, en: `adjusted by the client manager: ${s.override.reason}` };
  return {
    qty,
    capped,
    reason: capped
      ? { zh: `${why.zh}；预计 ${wanted} 条，限量内最多 ${qty} 条`, en: `${why.en}; ${wanted} expected, at most ${qty} within the limit` }
      : { zh: `${why.zh}；预计 ${wanted} 条`, en: `${why.en}; ${wanted} expected` },
  };
}
