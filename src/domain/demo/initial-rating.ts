// Star, tier and class for the generated county, from each retailer's expected
// volume, so that filters and maps mean something before the first monthly
// rating batch replaces them. Shares follow common practice: tiers 1–30 with
// equal shares, stars ranked separately for urban and rural networks, class
// scale 1/2/3 by value within the business format.
import type { AssortmentItem, RetailerOrderParams } from './order-params.js';
import type { Product } from './products.js';
import type { RetailerFile } from './retailers.js';

export type InitialRating = { star: number; tier: number; classCode: string; weeklyQty: number; weeklyValue: number };

/** Cumulative shares of stars 1..6 (6 = 超五星) among the rated retailers of one network. */
const STAR_CUTS = [0.12, 0.37, 0.67, 0.87, 0.97, 1];

export function expectedWeekly(p: RetailerOrderParams, items: readonly AssortmentItem[], products: readonly Product[]) {
  let qty = 0;
  let value = 0;
  let upperQty = 0;
  for (const it of items) {
    const q = (it.rank === 1 ? 1 : p.lineRate) * Math.max(1, p.base * it.share);
    const x = products[it.product];
    qty += q;
    value += q * x.wholesalePrice;
    if (x.priceClass <= 2) upperQty += q;
  }
  const brands = new Set(items.map((it) => products[it.product].brand)).size;
  const k = 1 - p.skipRate;
  return { qty: qty * k, value: value * k, upperQty: upperQty * k, brands };
}

function percentileRanks(scores: readonly number[]): number[] {
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out = new Array<number>(scores.length);
  order.forEach(([, i], rank) => (out[i] = scores.length > 1 ? rank / (scores.length - 1) : 1));
  return out;
}

export function initialRatings(
  files: readonly RetailerFile[],
  params: readonly RetailerOrderParams[],
  items: readonly (readonly AssortmentItem[])[],
  products: readonly Product[],
): InitialRating[] {
  const e = params.map((p, i) => expectedWeekly(p, items[i], products));
  const max = (f: (x: (typeof e)[number]) => number) => Math.max(1e-9, ...e.map(f));
  const [qMax, vMax, bMax, uMax] = [max((x) => x.qty), max((x) => x.value), max((x) => x.brands), max((x) => x.upperQty)];
  // The tier score of the common scheme: quantity 35, value 55, brands 5, class-2-and-above 5.
  const score = e.map((x) => (35 * x.qty) / qMax + (55 * x.value) / vMax + (5 * x.brands) / bMax + (5 * x.upperQty) / uMax);
  const rated = files.map((f) => f.status !== 'cancelled');

  const tierRank = new Map<number, number>();
  const ratedIdx = files.map((_, i) => i).filter((i) => rated[i]);
  percentileRanks(ratedIdx.map((i) => score[i])).forEach((r, k) => tierRank.set(ratedIdx[k], r));
  const starRank = new Map<number, number>();
  for (const network of ['urban', 'rural']) {
    const idx = ratedIdx.filter((i) => files[i].network === network);
    percentileRanks(idx.map((i) => score[i])).forEach((r, k) => starRank.set(idx[k], r));
  }
  const scaleRank = new Map<number, number>();
  for (const format of new Set(files.map((f) => f.businessFormat))) {
    const idx = files.map((_, i) => i).filter((i) => files[i].businessFormat === format);
    percentileRanks(idx.map((i) => e[i].value)).forEach((r, k) => scaleRank.set(idx[k], r));
  }

  return files.map((f, i) => {
    const scale = scaleRank.get(i)! >= 0.8 ? 1 : scaleRank.get(i)! >= 0.5 ? 2 : 3;
    const classCode = `${f.network === 'urban' ? 'C' : 'X'}${f.businessFormat}${scale}`;
    const weekly = { weeklyQty: Math.round(e[i].qty * 10) / 10, weeklyValue: Math.round(e[i].value) };
    if (!rated[i]) return { star: 0, tier: 1, classCode, ...weekly };
    const sr = starRank.get(i)!;
    return {
      star: STAR_CUTS.findIndex((c) => sr <= c) + 1,
      tier: Math.min(30, 1 + Math.floor(tierRank.get(i)! * 30)),
      classCode,
      ...weekly,
    };
  });
}
