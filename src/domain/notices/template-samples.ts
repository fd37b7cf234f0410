// Sample values for a template's variables, so the editor's preview reads as a
// real notice (decision 1135): the shop's own fields come from a real shop in
// the editor's scope; the rest (times, limits, a festival) are typical values
// of the occasion, times taken from `now`.
import { festivalOn } from './festivals.js';
import { shanghaiLabel } from './format.js';

export type SampleShop = { shopName: string; licenceNo: string };

const DAY = 86_400_000;

/** Values for every variable any template uses; a template takes the ones it names. */
export function sampleParams(shop: SampleShop, now: Date): Record<string, string> {
  const tomorrow = new Date(now.getTime() + DAY);
  const date = new Date(tomorrow.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const opens = shanghaiLabel(new Date(`${date}T00:00:00Z`)); // 08:00 Beijing
  const closes = shanghaiLabel(new Date(`${date}T09:00:00Z`)); // 17:00 Beijing
  const spring = festivalOn('2027-02-06')!;
  const all: Record<string, string> = {
    shopName: shop.shopName,
    licenceNo: shop.licenceNo,
    opensAt: opens,
    closesAt: closes,
    orderDate: date,
    extra: '',
    why: '原因：节假日调整',
    weekStart: date,
    limits: '芙蓉王(硬) 2 条、黄鹤楼(软蓝) 1 条；其余 1 个紧俏品规本周暂无',
    reasons: '· 芙蓉王(硬)：本周可供 1200 条，您的档位每户限 2 条',
    amount: '1,286.00',
    occasionName: spring.name,
    wish: spring.wish,
    roundName: '第四季度零售户满意度调查',
    link: 'https://zy.example.cn/s/k3Vd9Q',
    name: '黄鹤楼(1916中支)',
    week: '3',
    measure: '上柜率',
    value: '12.5%',
    low: '18.0%',
    level: '时限预警',
    stepName: '客户经理建档',
    state: '即将到期',
    dueAt: closes,
    title: '紧急通知',
    body: '明日配送时间调整，请留意。',
  };
  return all;
}
