// How this process sends notices: the gateways (from SMS_PROVIDER,
// WECHAT_APP_ID and their keys, or the fake one in the demo and the tests),
// the signature, the provider's rate, quiet hours and the fallback delay.
import { DEFAULT_QUIET_HOURS, type QuietHours } from '../../domain/notices/quiet-hours.js';
import { aliyunSmsGateway, wechatGateway, type ChannelGateway } from './gateways.js';

export type NoticeConfig = {
  sms: ChannelGateway | null;
  wechat: ChannelGateway | null;
  signName: string;
  /** Messages per second we send to a provider (its contracted limit). */
  ratePerSecond: number;
  /** After an unclear answer, wait this long before asking the provider whether the message went. */
  settleSeconds: number;
  maxAttempts: number;
  /** Numbers per provider call (SendBatchSms); 1 sends one number per call. */
  batchSize: number;
  /** Provider calls in flight at once, so one that hangs until the time-out does not stop the others. */
  concurrency: number;
  /** First delay before a message the provider has no record of is sent again (doubling, at most an hour). */
  retryBaseSeconds: number;
  /** The contracted price of one SMS segment, for the report's cost estimate (yuan). */
  smsPricePerSegmentYuan: number;
  /** An SMS or WeChat notice to this many shops or more waits for another manager's approval (as a county-wide one always does). */
  approvalMinRecipients: number;
  /** An unread in-app notice with fallback gets an SMS after this many minutes. */
  fallbackMinutes: number;
  quiet: QuietHours;
};

const defaults: NoticeConfig = { sms: null, wechat: null, signName: '烟草营销', ratePerSecond: 20, settleSeconds: 20, maxAttempts: 5, batchSize: 100, concurrency: 4, retryBaseSeconds: 30, approvalMinRecipients: 1000, smsPricePerSegmentYuan: 0.045, fallbackMinutes: 120, quiet: DEFAULT_QUIET_HOURS };
let current: NoticeConfig = { ...defaults };

export function noticeConfig(): NoticeConfig {
  return current;
}

export function configureNotices(partial: Partial<NoticeConfig>): NoticeConfig {
  current = { ...current, ...partial };
  return current;
}

export type NoticeEnv = {
  SMS_PROVIDER: 'none' | 'fake' | 'aliyun';
  SMS_GATEWAY_URL?: string;
  SMS_ACCESS_KEY_ID?: string;
  SMS_ACCESS_KEY_SECRET?: string;
  SMS_SIGN_NAME: string;
  SMS_RATE_PER_S: number;
  WECHAT_APP_ID?: string;
  WECHAT_GATEWAY_URL?: string;
  NOTICE_FALLBACK_MINUTES: number;
};

/** Gateways from the environment; `fakeUrl` is the in-process fake gateway when SMS_PROVIDER=fake. */
export function configureNoticesFromEnv(env: NoticeEnv, fakeUrl?: string): NoticeConfig {
  const smsUrl = env.SMS_PROVIDER === 'fake' ? fakeUrl : env.SMS_PROVIDER === 'aliyun' ? (env.SMS_GATEWAY_URL ?? 'https://dysmsapi.aliyuncs.com') : undefined;
  const wechatUrl = env.WECHAT_APP_ID ? (env.WECHAT_GATEWAY_URL ?? (env.SMS_PROVIDER === 'fake' ? fakeUrl : 'https://api.weixin.qq.com')) : undefined;
  return configureNotices({
    sms: smsUrl ? aliyunSmsGateway({ baseUrl: smsUrl, accessKeyId: env.SMS_ACCESS_KEY_ID, accessKeySecret: env.SMS_ACCESS_KEY_SECRET }) : null,
    wechat: wechatUrl && env.WECHAT_APP_ID ? wechatGateway({ baseUrl: wechatUrl, appId: env.WECHAT_APP_ID }) : null,
    signName: env.SMS_SIGN_NAME,
    ratePerSecond: env.SMS_RATE_PER_S,
    fallbackMinutes: env.NOTICE_FALLBACK_MINUTES,
  });
}
