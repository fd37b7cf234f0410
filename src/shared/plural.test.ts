import { describe, expect, it } from 'vitest';
import { countOf, fillMessage, nounFor } from './plural.js';

describe('English counts', () => {
  it('take the singular for exactly one and the plural for every other count', () => {
    expect(countOf(1, 'retailer')).toBe('1 retailer');
    expect(countOf(0, 'retailer')).toBe('0 retailers');
    expect(countOf(2, 'county', 'counties')).toBe('2 counties');
    expect(countOf(1.5, 'point')).toBe('1.5 points');
    expect(countOf('5,000', 'entry', 'entries')).toBe('5,000 entries');
    expect(countOf('1', 'entry', 'entries')).toBe('1 entry');
    expect(nounFor(1, 'retailer orders', 'retailers order')).toBe('retailer orders');
  });

  it('fill ICU plural forms in message templates, exact matches first, # being the number', () => {
    const t = '{gap, plural, one {# point} other {# points}} short of {star}';
    expect(fillMessage(t, { gap: 1, star: '3 星' })).toBe('1 point short of 3 星');
    expect(fillMessage(t, { gap: 12, star: '3 星' })).toBe('12 points short of 3 星');
    expect(fillMessage('{n, plural, =0 {none} one {one shop} other {# shops in {town}}}', { n: 0, town: 'X' })).toBe('none');
    expect(fillMessage('{n, plural, =0 {none} one {one shop} other {# shops in {town}}}', { n: 3, town: 'X' })).toBe('3 shops in X');
    // Unknown names stay as written; plain placeholders as before.
    expect(fillMessage('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(fillMessage('{n, plural, one {# x} other {# xs}}', {})).toBe('{n, plural, one {# x} other {# xs}}');
  });
});
