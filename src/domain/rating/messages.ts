// Every sentence the rating engine produces, in Chinese and English.
// Placeholders are {name}, and an English count's noun ICU's
// {n, plural, one {# point} other {# points}}; `say` fills them in both languages at once.
import type { Text } from './types.js';
import { fillMessage } from '../../shared/plural.js';

export const ratingMessages = {
  // Star items: the label before the value, and the value's unit.
  item_integrity: { zh: '诚信等级', en: 'Compliance class' },
  item_volume: { zh: '本月订购量', en: 'Volume this month' },
  item_class1Share: { zh: '本月一类烟占比', en: 'Class-1 share this month' },
  item_avgPrice: { zh: '本月条均价', en: 'Average price per carton this month' },
  item_brands: { zh: '本月经营规格数', en: 'Brands stocked this month' },
  item_storeImage: { zh: '店面形象', en: 'Store image' },
  item_feedback: { zh: '本月反馈信息', en: 'Information reports this month' },
  item_newBrands: { zh: '本月上架新品', en: 'New brands listed this month' },
  item_dependence: { zh: '本月按时订货', en: 'On-time ordering this month' },
  item_eSettlement: { zh: '电子结算扣款成功率', en: 'E-settlement success rate' },
  unit_integrity: { zh: '{v} 类', en: '{v}' },
  unit_volume: { zh: '{v} 件', en: '{v, plural, one {# case} other {# cases}}' },
  unit_class1Share: { zh: '{v}%', en: '{v}%' },
  unit_avgPrice: { zh: '{v} 元', en: '{v} yuan' },
  unit_brands: { zh: '{v} 个', en: '{v}' },
  unit_storeImage: { zh: '{v} 级', en: 'grade {v}' },
  unit_feedback: { zh: '{v} 条', en: '{v}' },
  unit_newBrands: { zh: '{v} 个', en: '{v}' },
  unit_dependence: { zh: '{v}%', en: '{v}%' },
  unit_eSettlement: { zh: '{v}%', en: '{v}%' },
  value_missing_eSettlement: { zh: '未开通', en: 'not on e-settlement' },
  value_missing_orders: { zh: '无订货', en: 'no orders' },

  // Explaining a change from last month.
  change_less: {
    zh: '{label} {value}（上月 {prev}），得分 {points} 分（上月 {prevPoints} 分），少得 {delta} 分',
    en: '{label}: {value} (last month {prev}), {points, plural, one {# point} other {# points}} (last month {prevPoints}), {delta} fewer',
  },
  change_more: {
    zh: '{label} {value}（上月 {prev}），得分 {points} 分（上月 {prevPoints} 分），多得 {delta} 分',
    en: '{label}: {value} (last month {prev}), {points, plural, one {# point} other {# points}} (last month {prevPoints}), {delta} more',
  },
  change_same: {
    zh: '{label} {value}（上月 {prev}），得分 {points} 分，与上月持平',
    en: '{label}: {value} (last month {prev}), {points, plural, one {# point} other {# points}}, same as last month',
  },
  change_new_item: {
    zh: '{label} {value}，得分 {points} 分（上月无此项）',
    en: '{label}: {value}, {points, plural, one {# point} other {# points}} (not scored last month)',
  },
  change_dropped_item: {
    zh: '{label}本月不再计分（上月 {prev}，得 {prevPoints} 分），少得 {delta} 分',
    en: '{label} is no longer scored (last month {prev}, {prevPoints, plural, one {# point} other {# points}}), {delta} fewer',
  },
  summary_star_down: {
    zh: '{month}总分 {score} 分（{prevMonth} {prevScore} 分），由{prevStar}降为{star}',
    en: 'Total for {month}: {score, plural, one {# point} other {# points}} ({prevMonth}: {prevScore}): down from {prevStar} to {star}',
  },
  summary_star_up: {
    zh: '{month}总分 {score} 分（{prevMonth} {prevScore} 分），由{prevStar}升为{star}',
    en: 'Total for {month}: {score, plural, one {# point} other {# points}} ({prevMonth}: {prevScore}): up from {prevStar} to {star}',
  },
  summary_star_same: {
    zh: '{month}总分 {score} 分（{prevMonth} {prevScore} 分），保持{star}',
    en: 'Total for {month}: {score, plural, one {# point} other {# points}} ({prevMonth}: {prevScore}): still {star}',
  },
  summary_cutoff_moved: {
    zh: '{star}的分数线本月为 {cutoff} 分（上月 {prevCutoff} 分）',
    en: 'The line for {star} is {cutoff, plural, one {# point} other {# points}} this month (last month {prevCutoff})',
  },
  summary_scheme_changed: {
    zh: '本月采用评分方案 {version}（上月 {prevVersion}），部分项目满分可能不同',
    en: 'Scored with scheme {version} this month (last month {prevVersion}); some maxima may differ',
  },

  // Paths to the next star or tier.
  path_add_cartons: { zh: '每月多订 {n} 条卷烟（品种结构不变）', en: 'Order {n} more {n, plural, one {carton} other {cartons}} a month (same mix)' },
  path_add_class1: { zh: '每月多订 {n} 条一类烟', en: 'Order {n} more {n, plural, one {carton} other {cartons}} of class-1 cigarettes a month' },
  path_add_brands: { zh: '多经营 {n} 个卷烟规格', en: 'Stock {n} more {n, plural, one {brand} other {brands}}' },
  path_store_image: { zh: '店面形象提升到 {to} 级', en: 'Raise the store image to grade {to}' },
  path_feedback: { zh: '每月多反馈 {n} 条市场信息', en: 'Report {n} more {n, plural, one {piece} other {pieces}} of market information a month' },
  path_new_brands: { zh: '每月多上架 {n} 个新品规格', en: 'List {n} more new brands a month' },
  path_order_cycles: { zh: '本月按时完成 {n} 次订货', en: 'Order on time in {n, plural, one {# cycle} other {# cycles}} this month' },
  path_e_settlement_join: { zh: '开通电子结算', en: 'Join e-settlement' },
  path_e_settlement_open: {
    zh: '开通电子结算并保持扣款成功率不低于 {pct}%',
    en: 'Join e-settlement and keep the deduction success rate at {pct}% or more',
  },
  path_e_settlement_raise: {
    zh: '电子结算扣款成功率提高到 {pct}% 以上',
    en: 'Raise the e-settlement success rate to {pct}% or more',
  },
  path_join: { zh: '{a}，同时{b}', en: '{a}, and {b}' },
  path_gain: {
    zh: '距{star}还差 {gap} 分，此项可多得 {gain} 分',
    en: '{gap, plural, one {# point} other {# points}} short of {star}; this adds {gain, plural, one {# point} other {# points}}',
  },
  tier_add_cartons: { zh: '每个订货周期多订 {n} 条卷烟（品种结构不变）', en: 'Order {n} more {n, plural, one {carton} other {cartons}} per cycle (same mix)' },
  tier_gain: {
    zh: '距第 {tier} 档还差 {gap} 分，此项可多得 {gain} 分',
    en: '{gap, plural, one {# point} other {# points}} short of tier {tier}; this adds {gain, plural, one {# point} other {# points}}',
  },

  // Segments and service packages.
  segment_close: { zh: '紧密型', en: 'Close' },
  segment_stable_a: { zh: '稳定A型', en: 'Stable A' },
  segment_stable_b: { zh: '稳定B型', en: 'Stable B' },
  segment_unstable: { zh: '不稳型', en: 'Unstable' },
  support_guidance: { zh: '经营指导', en: 'Business guidance' },
  support_new_brand_trial: { zh: '新品优先试销', en: 'First to trial new brands' },
  support_display: { zh: '陈列与形象提升支持', en: 'Display and store-image support' },
  support_settlement_help: { zh: '电子结算开通协助', en: 'Help joining e-settlement' },
  support_compliance_coaching: { zh: '守法经营辅导', en: 'Compliance coaching' },
  scheme_name_default: { zh: '默认评分方案（行业通行做法）', en: 'Default scheme (industry practice)' },

  // Errors, with stable codes.
  manual_tier_forbidden: { zh: '本方案不允许人工调整档位', en: 'This scheme does not allow manual tier changes' },
  manual_tier_reason_required: {
    zh: '人工调整档位必须填写原因（至少 {n} 个字）',
    en: 'A manual tier change needs a reason (at least {n, plural, one {# character} other {# characters}})',
  },
  manual_tier_out_of_range: { zh: '档位应在 1–{max} 之间', en: 'Tier must be between 1 and {max}' },
  manual_tier_unchanged: { zh: '新档位与当前档位相同', en: 'The new tier equals the current one' },
  scheme_sum: { zh: '{what}之和应为 {expected}，实为 {actual}', en: '{what} must sum to {expected}, got {actual}' },
  scheme_bands_order: {
    zh: '{what}的分段重叠或顺序错误（下限须由高到低严格递减、分值不增）',
    en: '{what}: bands overlap or are out of order (minimums must strictly decrease, points must not rise)',
  },
  scheme_item_max: { zh: '{what}的满分应为 {max}，实为 {actual}', en: '{what}: maximum should be {max}, got {actual}' },
  scheme_cutoffs: {
    zh: '{what}的星级分数线应从 0 开始严格递增且不超过总分',
    en: '{what}: star lines must start at 0, strictly increase and stay within the total',
  },
  scheme_negative: { zh: '{what}不能为负数', en: '{what} must not be negative' },
  scheme_rules_fallback: {
    zh: '客户细分规则的最后一条必须无条件（兜底）',
    en: 'The last segment rule must have no requirement (the fallback)',
  },
  scheme_duplicate_item: { zh: '评分项目 {what} 重复', en: 'Scoring item {what} appears twice' },
  scheme_range: { zh: '{what}应为 {min} 到 {max} 之间的整数', en: '{what} must be a whole number from {min} to {max}' },

  // Tier moves held by the monthly cap, or let through by a recorded cause.
  tier_held_by_cap: {
    zh: '按本月档位 {computed} 档，较上月 {from} 档变动超过每月 {limit} 档的上限，本月定为 {tier} 档',
    en: "This month's figures give tier {computed}; that is more than {limit, plural, one {# tier} other {# tiers}} from last month's {from}, so the tier is {tier} this month",
  },
  tier_cause_applied: {
    zh: '档位由上月 {from} 档变为 {tier} 档，超过每月 {limit} 档的上限，依据已登记原因：{cause}',
    en: 'The tier moved from {from} to {tier}, more than the monthly limit of {limit}, on a recorded cause: {cause}',
  },
  tier_cause_new_licence: {
    zh: '新办证零售户，上月评定周期未满，档位由 {from} 档直接定为 {tier} 档（不受每月 {limit} 档上限限制）',
    en: 'A new licensee whose last month did not cover a full rating window: the tier goes from {from} straight to {tier} (the monthly limit of {limit} does not apply)',
  },
  tier_window: { zh: '档位按近 {months} 个月的完整订货周期计算', en: 'The tier is rated over the complete order cycles of the last {months, plural, one {# month} other {# months}}' },

  // Why the compliance class is what it is (the monopoly administration's assessment).
  integrity_cause: {
    zh: '{month} 专卖合规考核得分 {score} 分，违规 {penalties} 次，评为 {cls} 类',
    en: 'Compliance assessment of {month}: score {score}, {penalties, plural, one {# violation} other {# violations}}, class {cls}',
  },
  integrity_cause_default: {
    zh: '无专卖合规考核记录，按 A 类计',
    en: 'No compliance assessment on record: counted as class A',
  },
} satisfies Record<string, Text>;

export type RatingMessageKey = keyof typeof ratingMessages;

export function say(key: RatingMessageKey, params: Record<string, string | number> = {}): Text {
  const m: Text = ratingMessages[key];
  return { zh: fillMessage(m.zh, params), en: fillMessage(m.en, params) };
}

/** Join two already translated sentences. */
export function joinTexts(a: Text, b: Text): Text {
  return {
    zh: ratingMessages.path_join.zh.replace('{a}', a.zh).replace('{b}', b.zh),
    en: ratingMessages.path_join.en.replace('{a}', a.en).replace('{b}', b.en.charAt(0).toLowerCase() + b.en.slice(1)),
  };
}
