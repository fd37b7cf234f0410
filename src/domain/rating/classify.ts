// Classification code such as CZ1: market (C 城镇 / X 乡村), business format,
// and scale 1/2/3 by the retailer's share of volume and value within its format.
import { cutByShares } from './rank-cut.js';
import type { RatingScheme } from './scheme.js';
import type { BusinessFormat, Network, RetailerMonthInput } from './types.js';

export const MARKET_LETTER: Record<Network, 'C' | 'X'> = { urban: 'C', rural: 'X' };

export function classCode(network: Network, format: BusinessFormat, scale: number): string {
  return `${MARKET_LETTER[network]}${format}${scale}`;
}

/** Scale (1 = largest) and class code per retailer, in input order. */
export function classifyRetailers(
  inputs: readonly RetailerMonthInput[],
  scheme: RatingScheme,
): { scale: Uint8Array; code: string[] } {
  const { volumeWeight, valueWeight, scaleShares, rankWithin } = scheme.classification;
  const groups = new Map<string, number[]>();
  for (let i = 0; i < inputs.length; i++) {
    const r = inputs[i];
    const key = rankWithin === 'format' ? r.format : `${r.network}:${r.format}`;
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(i);
  }
  const scoreOf = new Float64Array(inputs.length);
  const scale = new Uint8Array(inputs.length);
  for (const members of groups.values()) {
    let qty = 0;
    let value = 0;
    for (const i of members) {
      qty += inputs[i].orders.cartons;
      value += inputs[i].orders.valueYuan;
    }
    for (const i of members) {
      const o = inputs[i].orders;
      scoreOf[i] = volumeWeight * (qty > 0 ? o.cartons / qty : 0) + valueWeight * (value > 0 ? o.valueYuan / value : 0);
    }
    const { group } = cutByShares(scoreOf, scaleShares, Uint32Array.from(members));
    for (const i of members) scale[i] = group[i] + 1;
  }
  const code = inputs.map((r, i) => classCode(r.network, r.format, scale[i]));
  return { scale, code };
}
