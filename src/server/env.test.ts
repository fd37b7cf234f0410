import { describe, expect, it } from 'vitest';
import { readEnv } from './env.js';
import { configureNotices, configureNoticesFromEnv, noticeConfig } from '../jobs/notices/notice-config.js';

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

  it('reads every notice setting, with the defaults of decisions 1130–1134', () => {
    const env = readEnv({});
    expect(env).toMatchObject({ SMS_SIGN_NAME: '烟草营销', SMS_RATE_PER_S: 20, SMS_BATCH_SIZE: 100, SMS_CONCURRENCY: 4, SMS_TIMEOUT_SECONDS: 5, SMS_SETTLE_SECONDS: 20,
      SMS_PRICE_PER_SEGMENT_YUAN: 0.045, NOTICE_MAX_ATTEMPTS: 5, NOTICE_RETRY_BASE_SECONDS: 30, NOTICE_APPROVAL_MIN_RECIPIENTS: 1000, NOTICE_FALLBACK_MINUTES: 120 });
    expect(env.NOTICE_QUIET_HOURS).toEqual({ startMinute: 21 * 60, endMinute: 8 * 60 });
    const set = readEnv({ SMS_BATCH_SIZE: '50', SMS_PRICE_PER_SEGMENT_YUAN: '0.04', NOTICE_QUIET_HOURS: '22:30-07:00', NOTICE_APPROVAL_MIN_RECIPIENTS: '500' });
    const before = noticeConfig();
    try {
      const cfg = configureNoticesFromEnv({ ...set, SMS_PROVIDER: 'none' });
      expect(cfg).toMatchObject({ sms: null, batchSize: 50, smsPricePerSegmentYuan: 0.04, approvalMinRecipients: 500, quiet: { startMinute: 22 * 60 + 30, endMinute: 7 * 60 } });
      expect(configureNoticesFromEnv({ ...readEnv({ NOTICE_QUIET_HOURS: 'off' }), SMS_PROVIDER: 'none' }).quiet).toEqual({ startMinute: 0, endMinute: 0 });
    } finally {
      configureNotices(before);
    }
  });

  it('refuses notice settings that would send duplicates, nothing, or at the wrong hours, naming the variable', () => {
    expect(() => readEnv({ SMS_SETTLE_SECONDS: '5', SMS_TIMEOUT_SECONDS: '10' })).toThrow(/SMS_SETTLE_SECONDS/);
    expect(() => readEnv({ SMS_PROVIDER: 'aliyun' })).toThrow(/SMS_ACCESS_KEY_ID/);
    expect(readEnv({ SMS_PROVIDER: 'aliyun', SMS_ACCESS_KEY_ID: 'id', SMS_ACCESS_KEY_SECRET: 's' }).SMS_PROVIDER).toBe('aliyun');
    expect(() => readEnv({ NOTICE_QUIET_HOURS: '21-8' })).toThrow(/NOTICE_QUIET_HOURS/);
    expect(() => readEnv({ NOTICE_QUIET_HOURS: '09:00-09:00' })).toThrow(/NOTICE_QUIET_HOURS/);
    expect(() => readEnv({ SMS_BATCH_SIZE: '0' })).toThrow(/SMS_BATCH_SIZE/);
    expect(() => readEnv({ SMS_GATEWAY_URL: 'not a url' })).toThrow(/SMS_GATEWAY_URL/);
    expect(() => readEnv({ SMS_PRICE_PER_SEGMENT_YUAN: '-1' })).toThrow(/SMS_PRICE_PER_SEGMENT_YUAN/);
  });
});
