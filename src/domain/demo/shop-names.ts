// Shop names as they appear on licences: the owner's surname, a lucky word or
// the place, then what the shop is.
import type { Rng } from './random.js';

const LUCKY = [
  '兴旺', '聚福', '鑫源', '福满多', '好又多', '万家福', '惠民', '佳和', '百佳', '诚信', '家家乐', '顺发', '金利', '宏达', '永盛',
  '如意', '吉祥', '旺旺', '好运来', '新时代', '阳光', '和顺', '安康', '美佳', '友谊', '四季', '常青', '红星', '金穗', '鸿福',
  '天天', '便民', '乐购', '易佳', '快乐购', '好邻居', '邻里', '正大', '华联', '富民', '瓷都', '渌江', '丰裕', '满意', '德润',
] as const;

const CHAINS = ['芙蓉兴盛', '新佳宜', '美宜佳', '步步高'] as const;

const FORMAT_NAMES: Record<string, (rng: Rng, family: string, place: string) => string> = {
  Z: (rng, family, place) =>
    rng.weighted(
      [`${family}记食杂店`, `${family}家食杂店`, `${rng.pick(LUCKY)}食杂店`, `${place}${family}氏商店`, `${rng.pick(LUCKY)}副食店`, `${family}记小卖部`, `${place}便民商店`],
      [3, 3, 3, 2, 2, 1, 1],
    ),
  // Hunan's convenience chains name each branch after its place: 芙蓉兴盛便利店（来龙门店）.
  B: (rng, family, place) =>
    rng.weighted(
      [`${family}记便利店`, `${rng.pick(LUCKY)}便利店`, `${rng.pick(LUCKY)}便利超市`, `${family}家便利店`, `${rng.pick(CHAINS)}便利店（${place}店）`],
      [3, 4, 2, 1, 2],
    ),
  S: (rng, family, place) =>
    rng.weighted([`${rng.pick(LUCKY)}超市`, `${place}${rng.pick(LUCKY)}超市`, `${family}氏平价超市`, `${rng.pick(LUCKY)}购物中心`], [4, 2, 1, 1]),
  N: (rng, _family, place) => rng.weighted([`${place}百货商场`, `${rng.pick(LUCKY)}购物广场`, `${rng.pick(LUCKY)}商厦`], [2, 2, 1]),
  Y: (rng, family) =>
    rng.weighted([`${rng.pick(LUCKY)}烟酒行`, `${rng.pick(LUCKY)}烟酒商行`, `${family}氏名烟名酒`, `${family}记烟酒店`], [4, 2, 2, 2]),
  F: (rng, _family) => `${rng.pick(LUCKY)}${rng.pick(['棋牌室', '茶楼', '宾馆', '网吧', 'KTV', '酒店', '足浴城'])}`,
  Q: (rng, family) => `${rng.weighted([family + '记', rng.pick(LUCKY)], [1, 1])}${rng.pick(['五金店', '农资店', '药房', '水果店', '粮油店', '快餐店', '书报亭'])}`,
};

/**
 * A shop name for the format. Names repeat across a county (there are many
 * 王记食杂店) but not within one township, where they would be confused.
 */
export function shopName(rng: Rng, format: string, family: string, place: string, township: string, taken: Set<string>): string {
  const short = place.replace(/(街道|镇|乡|村)$/, '');
  const key = (name: string) => `${township}|${name}`;
  let name = '';
  for (let i = 0; i < 8; i++) {
    name = FORMAT_NAMES[format](rng, family, short);
    if (!taken.has(key(name))) break;
  }
  const branch = name.endsWith('店）');
  if (taken.has(key(name)) && !branch && !name.startsWith(short)) name = `${short}${name}`;
  const base = name;
  // A second branch of a chain in one place is its 二店; other names get a numbered branch.
  for (let k = 2; taken.has(key(name)); k++) name = branch ? base.replace(/店）$/, `${k}店）`) : `${base}（${k}店）`;
  taken.add(key(name));
  return name;
}
