import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.js';

const limits = { perAccount: 3, perIp: 5, windowMs: 60_000 };

describe('LoginThrottle', () => {
  it('refuses an account after its limit of failures until the oldest counted one leaves the window', () => {
    const t = new LoginThrottle(limits);
    for (let i = 0; i < 3; i++) t.fail('Admin', '1.1.1.1', 1000 * i);
    expect(t.retryAfter('admin', '2.2.2.2', 3000)).toBe(57);
    expect(t.retryAfter('admin', '2.2.2.2', 60_001)).toBe(0);
  });

  it('refuses an address that tries many usernames', () => {
    const t = new LoginThrottle(limits);
    for (let i = 0; i < 5; i++) t.fail(`user${i}`, '1.1.1.1', 0);
    expect(t.retryAfter('someone', '1.1.1.1', 10)).toBeGreaterThan(0);
    expect(t.retryAfter('someone', '1.1.1.2', 10)).toBe(0);
  });

  it('a success clears the account count', () => {
    const t = new LoginThrottle(limits);
    for (let i = 0; i < 2; i++) t.fail('a', '1.1.1.1', 0);
    t.succeed('a');
    t.fail('a', '1.1.1.1', 0);
    expect(t.retryAfter('a', '1.1.1.9', 0)).toBe(0);
  });

  it('keeps at most maxKeys counters', () => {
    const t = new LoginThrottle(limits, 10);
    for (let i = 0; i < 100; i++) t.fail(`u${i}`, `ip${i}`, 0);
    expect((t as unknown as { failures: Map<string, number[]> }).failures.size).toBeLessThanOrEqual(10);
  });
});
