import { describe, expect, it } from 'vitest';
import { nextLayers } from './next-layer.js';
import { DEFAULT_POLICY, type AllocationProblem, type GroupQuota } from './types.js';

const quota = (tier: number, market: 'urban' | 'rural', q: number): GroupQuota => ({ tier, market, quota: q, retailers: 10, allocated: 10 * q });

describe('the next layer of each group, for the remainder', () => {
  const p: AllocationProblem = {
    supply: 100,
    tierCount: 30,
    policy: { ...DEFAULT_POLICY, marketWeight: { urban: 2, rural: 1 }, minTier: 3, maxQuota: 4 },
    groups: [],
  };

  it('values one more carton as the allocation does: weight ÷ (quota + 1), tier and market weights included', () => {
    const layers = nextLayers(p, [quota(10, 'urban', 3), quota(10, 'rural', 1), quota(20, 'rural', 3)]);
    expect(layers).toEqual([
      { tier: 10, market: 'urban', value: (2 * 10) / 4 },
      { tier: 10, market: 'rural', value: (1 * 10) / 2 },
      { tier: 20, market: 'rural', value: (1 * 20) / 4 },
    ]);
  });

  it('leaves out groups below the minimum tier and groups already at the largest quota', () => {
    expect(nextLayers(p, [quota(2, 'urban', 0), quota(3, 'urban', 0), quota(30, 'urban', 4)])).toEqual([{ tier: 3, market: 'urban', value: 6 }]);
    expect(nextLayers({ ...p, policy: { ...p.policy, marketWeight: { urban: 1, rural: 0 } } }, [quota(5, 'rural', 0)])).toEqual([]);
  });
});
