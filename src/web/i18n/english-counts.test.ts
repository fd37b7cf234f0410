// "1 retailers" (issue 14 item 19): every English dictionary string that
// takes a count says the noun in the form the number takes. Each function of
// the dictionary is called with 1 for each argument; none may say "1 <plural>".
// The rating messages' and the order limit's English: src/domain/rating/messages.test.ts.
import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { pluralsAfterOne } from '../../../tests/support/english-plurals.js';

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
});
