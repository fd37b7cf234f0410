import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next.js';

describe('redirect after login', () => {
  it('returns to a path of this site only', () => {
    expect(safeNext('/retailers?q=bld')).toBe('/retailers?q=bld');
    expect(safeNext(null)).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('/login?next=/x')).toBe('/');
  });
});
