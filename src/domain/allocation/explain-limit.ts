// The plain-language reason for a retailer's limit (限量) of one product, in
// Chinese and English, from the published quota table and its own cap.
import { countOf } from '../../shared/plural.js';
import type { Market } from './types.js';
import { ratingMessages } from '../rating/messages.js';
import { labelOf } from '../../shared/codes.js';
import { weekLabel } from '../../shared/periods.js';

export type LimitFacts = {
  productName: string;
  supplyQty: number;
  tier: number;
  market: Market;
  quota: number;
  cap: number;
  limit: number;
  /** Lowest tier of the retailer's market that gets anything (null: none). */
  lowestServedTier: number | null;
  urbanWeight: number;
  ruralWeight: number;
  /** Cartons above the group quota from the remainder (0 or 1), won by this relationship segment's priority (decision 0603). */
  extra?: number;
  extraSegment?: string | null;
  /** Monday of the plan's week: the text names the week ("第49周 11月30日–12月6日") instead of 本周. */
  weekStart?: string;
};

const marketZh = { urban: labelOf('network', 'urban', 'zh'), rural: labelOf('network', 'rural', 'zh') } as const;
const marketEn = { urban: 'urban', rural: 'rural' } as const;

export function explainLimit(f: LimitFacts): { zh: string; en: string } {
  const weekZh = f.weekStart ? `${weekLabel(f.weekStart, 'zh')}` : '本周';
  const weekEn = f.weekStart ? `In ${weekLabel(f.weekStart, 'en')}` : 'This week';
  const zh: string[] = [`${weekZh}「${f.productName}」全县共投放 ${f.supplyQty} 条，按档位分配，档位越高限量越多。`];
  const en: string[] = [`${weekEn} ${countOf(f.supplyQty, 'carton')} of ${f.productName} are shared by tier; higher tiers get more.`];
  if (f.urbanWeight !== f.ruralWeight) {
    const lean = f.urbanWeight > f.ruralWeight ? 'urban' : 'rural';
    zh.push(`该品规向${marketZh[lean]}倾斜（${marketZh.urban}权重 ${f.urbanWeight}，${marketZh.rural}权重 ${f.ruralWeight}）。`);
    en.push(`It leans to ${marketEn[lean]} shops (urban weight ${f.urbanWeight}, rural ${f.ruralWeight}).`);
  }
  if (f.extra && f.quota === 0) {
    zh.push(`您是第 ${f.tier} 档、${marketZh[f.market]}，该档这一周不够每户都分；`);
    en.push(`You are tier ${f.tier}, ${marketEn[f.market]}: there is not enough this week for every shop of your tier;`);
    pushExtra(f, zh, en);
    return { zh: zh.join(''), en: en.join(' ') };
  }
  if (f.quota === 0) {
    if (f.lowestServedTier === null) {
      zh.push(`货源紧张，这一周${marketZh[f.market]}零售户都不投放，您的限量为 0 条。`);
      en.push(`Supply is short: no ${marketEn[f.market]} shop gets any that week; your limit is 0.`);
    } else {
      zh.push(`货源紧张，${marketZh[f.market]}只投放到第 ${f.lowestServedTier} 档及以上；您是第 ${f.tier} 档，这一周您的限量为 0 条。`);
      en.push(`Supply is short: ${marketEn[f.market]} shops of tier ${f.lowestServedTier} and above get some; you are tier ${f.tier}, so your limit that week is 0.`);
    }
    return { zh: zh.join(''), en: en.join(' ') };
  }
  zh.push(`您是第 ${f.tier} 档、${marketZh[f.market]}，该档每户限 ${f.quota} 条。`);
  en.push(`You are tier ${f.tier}, ${marketEn[f.market]}: ${countOf(f.quota, 'carton')} per shop in your tier.`);
  if (f.extra) {
    zh.push('分完整档后还有少量余量；');
    en.push('After whole tiers, a little was left;');
    pushExtra(f, zh, en);
  }
  if (f.limit < f.quota) {
    zh.push(
      f.cap === 0
        ? '您近 12 周没有订过这个品规，同档同类零售户也没有销售记录，所以这一周您的限量为 0 条。'
        : `按您近 12 周的销售，单周最多能销 ${f.cap} 条，所以您的限量是 ${f.limit} 条。`,
    );
    en.push(
      f.cap === 0
        ? 'You have not ordered it in the last 12 weeks, nor have shops like yours, so your limit that week is 0.'
        : `Your sales in the last 12 weeks show at most ${countOf(f.cap, 'carton')} a week, so your limit is ${f.limit}.`,
    );
  }
  return { zh: zh.join(''), en: en.join(' ') };
}

function pushExtra(f: LimitFacts, zh: string[], en: string[]) {
  const seg = f.extraSegment ? ratingMessages[`segment_${f.extraSegment}` as keyof typeof ratingMessages] : undefined;
  zh.push(
    seg
      ? `余量按服务套餐优先级逐户各投 1 条，您是${seg.zh}客户，多投 ${f.extra} 条，限量 ${f.limit} 条。`
      : `余量逐户各投 1 条，您多投 ${f.extra} 条，限量 ${f.limit} 条。`,
  );
  en.push(
    seg
      ? `the remainder goes one carton per shop by service-package priority; as a ${seg.en} customer you get ${f.extra} more, limit ${f.limit}.`
      : `the remainder goes one carton per shop; you get ${f.extra} more, limit ${f.limit}.`,
  );
}
