// "1 retailers", "1 points short" (issue 14 item 19): every English string
// that takes a count says the noun in the form the number takes. Each
// dictionary function is called with 1 for each argument, and each rating
// message filled with 1 for each placeholder; none may say "1 <plural>".
import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { ratingMessages, say, type RatingMessageKey } from '../../domain/rating/messages.js';
import { explainLimit } from '../../domain/allocation/explain-limit.js';

/** Words after "1 " that end in s without being plurals. */
const NOT_PLURAL = new Set(['as', 'is', 'was', 'has', 'this', 'plus', 'its', 'yes', 'does', 'appears']);

function pluralsAfterOne(text: string): string[] {
  return [...text.matchAll(/(?<![\d.,-])1 (?:more |new )?([A-Za-z]+s)\b/g)].map((m) => m[1]!).filter((w) => !NOT_PLURAL.has(w.toLowerCase()));
}

describe('English says "1 retailer", not "1 retailers"', () => {
  it('in every dictionary string that takes numbers', () => {
    const wrong: string[] = [];
    let checked = 0;
    const walk = (node: unknown, path: string) => {
      if (typeof node === 'function') {
        let text: string;
        try {
          text = String(node(...Array.from({ length: Math.max(node.length, 1) }, () => 1)));
        } catch {
          return; // takes something other than numbers (a date string, a row)
        }
        checked++;
        if (pluralsAfterOne(text).length) wrong.push(`${path}: ${text}`);
      } else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`);
    };
    walk(en, 'en');
    expect(checked).toBeGreaterThan(150);
    expect(wrong).toEqual([]);
  });

  it('in every rating message ("1 point short of 4 stars")', () => {
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
    const text = explainLimit({
      productName: 'X', supplyQty: 1, urbanWeight: 1, ruralWeight: 1, tier: 3, market: 'urban', quota: 1, limit: 1, cap: 1,
      lowestServedTier: 1,
    }).en;
    expect(pluralsAfterOne(text)).toEqual([]);
  });
});
