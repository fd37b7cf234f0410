import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME as S } from './default-scheme.js';
import type { RatingScheme } from './scheme.js';
import { validateScheme } from './validate-scheme.js';

const clone = (): RatingScheme => structuredClone(S);

describe('scheme validation', () => {
  it('accepts the default scheme', () => {
    expect(validateScheme(S)).toEqual([]);
  });

  it('refuses tier weights that do not sum to 100', () => {
    const s = clone();
    s.tiers.weights.value = 50;
    const errors = validateScheme(s);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: 'tiers.weights', code: 'scheme_sum' });
    expect(errors[0].message.zh).toContain('实为 95');
  });

  it('refuses tier shares that do not sum to 100%', () => {
    const s = clone();
    s.tiers.shares[0] = 2;
    expect(validateScheme(s).map((e) => e.path)).toEqual(['tiers.shares']);
  });

  it('refuses overlapping or misordered bands', () => {
    const s = clone();
    const vol = s.star.items.find((i) => i.id === 'volume');
    if (!vol || !('bands' in vol)) throw new Error('volume item missing');
    vol.bands[2] = { min: 13, points: 13 }; // same minimum as the band above
    expect(validateScheme(s).map((e) => e.code)).toEqual(['scheme_bands_order']);
  });

  it('refuses star items whose maxima do not reach the total, and a wrong item maximum', () => {
    const s = clone();
    s.star.items = s.star.items.filter((i) => i.id !== 'feedback');
    expect(validateScheme(s).map((e) => e.path)).toEqual(['star.items (max)']);
    const t = clone();
    t.star.items[0].max = 25;
    expect(validateScheme(t).map((e) => e.code)).toContain('scheme_item_max');
  });

  it('refuses star lines that do not rise, and rank shares off 100%', () => {
    const s = clone();
    s.star.cutoffs.rural = [0, 60, 60, 70, 80, 90];
    s.star.rankShares.urban = [10, 10, 10, 10, 10, 10];
    expect(validateScheme(s).map((e) => e.path)).toEqual(['star.rankShares.urban', 'star.cutoffs.rural']);
  });

  it('requires a fallback segment rule', () => {
    const s = clone();
    s.segments.rules = s.segments.rules.slice(0, 3);
    expect(validateScheme(s).map((e) => e.code)).toEqual(['scheme_rules_fallback']);
  });
});
