// "1 points short" (issue 14 item 19): the rating engine's English sentences and
// the order limit's explanation say the noun in the form the count takes
// (ICU plural templates, decision 1442). Each message is filled with 1 for
// every placeholder; none may say "1 <plural>".
import { describe, expect, it } from 'vitest';
import { ratingMessages, say, type RatingMessageKey } from './messages.js';
import { explainLimit } from '../allocation/explain-limit.js';
import { pluralsAfterOne } from '../../../tests/support/english-plurals.js';

describe('English says "1 point short", not "1 points short"', () => {
  it('in every rating message', () => {
    const wrong: string[] = [];
    for (const key of Object.keys(ratingMessages) as RatingMessageKey[]) {
      const names = [...ratingMessages[key].en.matchAll(/\{(\w+)/g)].map((m) => m[1]!);
      const text = say(key, Object.fromEntries(names.map((n) => [n, 1]))).en;
      expect(text, key).not.toMatch(/\{/);
      if (pluralsAfterOne(text).length) wrong.push(`${key}: ${text}`);
    }
    expect(wrong).toEqual([]);
    expect(say('path_add_brands', { n: 3 }).en).toBe('Stock 3 more brands');
    expect(say('path_gain', { gap: 2, star: '4 stars', gain: 1 }).en).toBe('2 points short of 4 stars; this adds 1 point');
  });

  it('in the explanation of an order limit', () => {
    const text = explainLimit({ productName: 'X', supplyQty: 1, urbanWeight: 1, ruralWeight: 1, tier: 3, market: 'urban', quota: 1, limit: 1, cap: 1, lowestServedTier: 1 }).en;
    expect(pluralsAfterOne(text)).toEqual([]);
    expect(text).toContain('1 carton per shop');
  });
});
