// Stock-outs and sell-through.
// Chinese first; the English must have the same keys and shapes (`satisfies`).
import { countOf } from '../../../shared/plural.js';

export const orderingStatsZh = {
  orderingStats: {
    title: '缺货率与动销率',
    week: '周次',
    prevWeek: '上一周',
    nextWeek: '下一周',
    plans: '货源计划周',
    stockoutRate: '缺货率',
    sellThrough: '动销率',
    stockoutHint: '需求行中可用量为 0 的占比',
    sellThroughHint: '本周订货户数 ÷ 前三周订过货的户数',
    demandLines: '需求行',
    stockoutLines: '缺货行',
    demandQty: '需求量（条）',
    orderedQty: '订购量（条）',
    base: '前三周订货户',
    ordering: '本周订货户',
    byProduct: '按品规',
    byGrid: '按网格',
    chartTitle: (n: number) => `缺货率最高的 ${n} 个品规`,
    product: '品规',
    grid: '网格',
    station: '服务站',
    worker: '客户经理',
    noData: '这一周没有订单',
  },
};

export const orderingStatsEn = {
  orderingStats: {
    title: 'Stock-outs and active buyers',
    week: 'Week',
    prevWeek: 'Previous week',
    nextWeek: 'Next week',
    plans: 'Supply plan weeks',
    stockoutRate: 'Stock-out rate',
    sellThrough: 'Active-buyer rate',
    stockoutHint: 'Share of demand lines with nothing available',
    sellThroughHint: 'Retailers ordering this week ÷ those who ordered in the three weeks before',
    demandLines: 'Demand lines',
    stockoutLines: 'Stock-out lines',
    demandQty: 'Demand (cartons)',
    orderedQty: 'Ordered (cartons)',
    base: 'Buyers, prior 3 weeks',
    ordering: 'Buying this week',
    byProduct: 'By product',
    byGrid: 'By grid',
    chartTitle: (n: number) => `The ${countOf(n, 'product')} with the highest stock-out rate`,
    product: 'Product',
    grid: 'Grid',
    station: 'Station',
    worker: 'Grid worker',
    noData: 'No orders in this week',
  },
} satisfies typeof orderingStatsZh;
