// The default retailer-satisfaction questionnaire: the national survey's three
// dimensions (卷烟供应, 客户服务, 市场管理) plus 盈利水平, each scored 0–100 from
// 1–5 scales; weights 30/30/20/20 (decision 1700). An unhappy answer on
// service asks why; a shop that never met its client manager skips the visit question.
import { TOBACCO_INCOME_QUESTION, type QuestionnaireDef } from '../../shared/surveys.js';

const scale = (id: string, text: string, dimension: string, extra: Partial<QuestionnaireDef['questions'][number]> = {}) => ({
  id,
  kind: 'scale' as const,
  text,
  required: true,
  options: [],
  min: null,
  max: null,
  dimension,
  skip: [],
  ...extra,
});

export const DEFAULT_SATISFACTION_CODE = 'satisfaction';

export function defaultSatisfactionQuestionnaire(): QuestionnaireDef {
  return {
    title: '零售客户满意度调查',
    intro: '请根据近三个月的实际感受打分：1 分很不满意，5 分很满意。约需 2 分钟。',
    dimensions: [
      { code: 'supply', label: '卷烟供应', weight: 30 },
      { code: 'service', label: '客户服务', weight: 30 },
      { code: 'market', label: '市场管理', weight: 20 },
      { code: 'profit', label: '盈利水平', weight: 20 },
    ],
    questions: [
      scale('supply_fit', '货源投放与您店的销售需求相符吗？', 'supply'),
      scale('supply_fair', '紧俏品规的分配公平透明吗？', 'supply'),
      scale('supply_delivery', '送货准时、货品完好吗？', 'supply'),
      {
        id: 'met_manager',
        kind: 'single',
        text: '近三个月客户经理到店拜访过您吗？',
        required: true,
        options: [
          { value: 'yes', label: '拜访过', score: null },
          { value: 'no', label: '没有', score: null },
        ],
        min: null,
        max: null,
        dimension: null,
        skip: [{ answer: 'no', goTo: 'service_hotline' }],
      },
      scale('service_visit', '客户经理的拜访和指导对您有帮助吗？', 'service'),
      scale('service_hotline', '订货热线和投诉处理及时吗？', 'service', { skip: [{ answer: '1', goTo: 'service_why' }, { answer: '2', goTo: 'service_why' }] }),
      scale('service_settle', '结算（电子结算、扣款）方便吗？', 'service', { skip: [{ answer: '3', goTo: 'market_order' }, { answer: '4', goTo: 'market_order' }, { answer: '5', goTo: 'market_order' }] }),
      { id: 'service_why', kind: 'text', text: '哪里让您不满意？', required: false, options: [], min: null, max: null, dimension: null, skip: [] },
      scale('market_order', '市场秩序（假烟、串码、乱价）整治得好吗？', 'market'),
      scale('market_price', '零售价格稳定、明码标价执行得好吗？', 'market'),
      scale('profit_margin', '卷烟经营的利润让您满意吗？', 'profit'),
      {
        id: TOBACCO_INCOME_QUESTION,
        kind: 'number',
        text: '卷烟收入约占您店总收入的百分之几？',
        required: false,
        options: [],
        min: 0,
        max: 100,
        dimension: null,
        skip: [],
      },
      {
        id: 'wishes',
        kind: 'multi',
        text: '您最希望我们改进哪些方面？（可多选）',
        required: false,
        options: [
          { value: 'supply', label: '货源更充足', score: null },
          { value: 'visit', label: '多来指导经营', score: null },
          { value: 'delivery', label: '送货更准时', score: null },
          { value: 'price', label: '稳定价格', score: null },
        ],
        min: null,
        max: null,
        dimension: null,
        skip: [],
      },
    ],
  };
}
