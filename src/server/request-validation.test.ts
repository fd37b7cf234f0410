import { describe, expect, it } from 'vitest';
import { findUnstorableText } from './request-validation.js';

describe('findUnstorableText', () => {
  it('finds NUL and lone surrogates anywhere, keys included', () => {
    expect(findUnstorableText({ a: 'ok', b: ['x', 'a\u0000b'] })).toBe('/b/1');
    expect(findUnstorableText({ n: { name: '\ud800' } })).toBe('/n/name');
    expect(findUnstorableText({ ['k\u0000']: 1 })).toBe('/k?');
    expect(findUnstorableText('x\udc00')).toBe('/');
  });

  it('accepts ordinary text, emoji (paired surrogates) and non-strings', () => {
    expect(findUnstorableText({ name: '知音 🚬 shop', n: 1, b: true, z: null, list: [1, 'a'] })).toBeUndefined();
  });
});
