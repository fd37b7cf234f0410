import { describe, expect, it } from 'vitest';
import { layersForRemainder, nextLayers } from './next-layer.js';
import { DEFAULT_POLICY, type AllocationProblem, type GroupDemand, type GroupQuota } from './types.js';

const quota = (tier: number, market: 'urban' | 'rural', q: number): GroupQuota => ({ tier, market, quota: q, retailers: 10, allocated: 10 * q });
const group = (tier: number, market: 'urban' | 'rural', atLeast: number[]): GroupDemand => ({ tier, market, atLeast, retailers: 10 });

describe('the next layer of each group, for the remainder', () => {
  const p: AllocationProblem = {
    supply: 100,
    tierCount: 30,
    policy: { ...DEFAULT_POLICY, marketWeight: { urban: 2, rural: 1 }, minTier: 3, maxQuota: 4 },
    groups: [group(10, 'urban', [10, 9, 8, 7]), group(10, 'rural', [10, 6, 2]), group(20, 'rural', [10, 10, 10, 5]), group(3, 'urban', [4]), group(5, 'urban', [3])],
  };

  it('values one more carton as the allocation does, weight ÷ (quota + 1), and counts the shops that can sell one more', () => {
    const layers = nextLayers(p, [quota(10, 'urban', 3), quota(10, 'rural', 1), quota(20, 'rural', 3)]);
    expect(layers).toEqual([
      { tier: 10, market: 'urban', value: (2 * 10) / 4, takers: 7 },
      { tier: 10, market: 'rural', value: (1 * 10) / 2, takers: 6 },
      { tier: 20, market: 'rural', value: (1 * 20) / 4, takers: 5 },
    ]);
  });

  it('leaves out groups below the minimum tier, at the largest quota, or where nobody can sell more', () => {
    expect(nextLayers(p, [quota(2, 'urban', 0), quota(3, 'urban', 0), quota(30, 'urban', 4), quota(5, 'urban', 1)])).toEqual([
      { tier: 3, market: 'urban', value: 6, takers: 4 },
    ]);
    expect(nextLayers({ ...p, policy: { ...p.policy, marketWeight: { urban: 1, rural: 0 } } }, [quota(10, 'rural', 0)])).toEqual([]);
  });

  it('reaches just the layers the remainder needs, best first, with every layer tied with the last one', () => {
    // Next layers: tier 10 urban worth 20 ÷ 2 = 10 (9 takers); tier 10 rural 10 ÷ 2 = 5 (6); tier 20 rural 20 ÷ 4 = 5 (5).
    const qs = [quota(10, 'urban', 1), quota(10, 'rural', 1), quota(20, 'rural', 3)];
    const names = (remainder: number) => layersForRemainder(p, qs, remainder).map((l) => `${l.tier} ${l.market}`);
    expect(names(0)).toEqual([]);
    expect(names(9)).toEqual(['10 urban']);
    // 12 cartons need a second layer; the third is worth as much as the second, so its shops compete on priority too.
    expect(names(12)).toEqual(['10 urban', '10 rural', '20 rural']);
  });
});
