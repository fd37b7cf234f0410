import { describe, expect, it } from 'vitest';
import { readEnv } from './env.js';

describe('readEnv', () => {
  it('refuses a session lifetime too short to be a cookie (0.001 h made every login a 500)', () => {
    expect(() => readEnv({ SESSION_TTL_HOURS: '0.001' })).toThrow(/SESSION_TTL_HOURS/);
    expect(readEnv({ SESSION_TTL_HOURS: '0.5' }).SESSION_TTL_HOURS).toBe(0.5);
  });

  it('trusts no proxy by default and refuses to trust every one', () => {
    expect(readEnv({}).TRUST_PROXY).toEqual([]);
    expect(readEnv({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16' }).TRUST_PROXY).toEqual(['10.0.0.1', '192.168.0.0/16']);
    expect(() => readEnv({ TRUST_PROXY: 'true' })).toThrow();
  });

  it('reads the login limits and the extra origins', () => {
    const env = readEnv({ LOGIN_MAX_FAILURES: '3', ALLOWED_ORIGINS: 'https://zhiyin.example.cn' });
    expect(env.LOGIN_MAX_FAILURES).toBe(3);
    expect(env.ALLOWED_ORIGINS).toEqual(['https://zhiyin.example.cn']);
    expect(() => readEnv({ ALLOWED_ORIGINS: 'not a url' })).toThrow();
  });
});
