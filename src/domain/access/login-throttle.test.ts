import { describe, expect, it } from 'vitest';
import { retryAfterSeconds, throttleKeys } from './login-throttle.js';

const limits = { perAccount: 3, perIp: 5, windowMs: 60_000 };
const at = (ms: number) => new Date(Date.UTC(2026, 10, 24) + ms);

describe('login throttle rule', () => {
  const keys = throttleKeys(' Admin ', '1.1.1.1');

  it('keys the account in lower case as it is looked up, and the address as given', () => {
    expect(keys).toEqual({ account: 'u:admin', address: 'ip:1.1.1.1' });
  });

  it('lets an attempt through up to the account limit, then refuses until the window ends', () => {
    expect(retryAfterSeconds([{ key: 'u:admin', attempts: 3, windowStart: at(0) }], keys, limits, at(3000))).toBe(0);
    expect(retryAfterSeconds([{ key: 'u:admin', attempts: 4, windowStart: at(0) }], keys, limits, at(3000))).toBe(57);
  });

  it('the address has its own, larger limit; the longer wait wins', () => {
    const counts = [
      { key: 'u:admin', attempts: 1, windowStart: at(0) },
      { key: 'ip:1.1.1.1', attempts: 6, windowStart: at(-30_000) },
    ];
    expect(retryAfterSeconds(counts, keys, limits, at(0))).toBe(30);
    expect(retryAfterSeconds([...counts, { key: 'u:admin', attempts: 9, windowStart: at(0) }], keys, limits, at(0))).toBe(60);
  });

  it('a refusal always asks for at least a second', () => {
    expect(retryAfterSeconds([{ key: 'u:admin', attempts: 4, windowStart: at(0) }], keys, limits, at(60_000))).toBe(1);
  });
});
