// How this process sends notices: the gateways (from SMS_PROVIDER,
// WECHAT_APP_ID and their keys, or the fake one in the demo and the tests),
// the signature, the provider's rate, quiet hours and the fallback delay.
import { z } from 'zod';
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

const minuteOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const count = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/**
 * The notice settings of the environment (decision 1137), checked at start-up by `readEnv` and by the worker:
 * a value out of range, a provider without its keys, or a settle time not above the client time-out stops the
 * process with the variable's name instead of sending duplicates or nothing.
 */
export const noticeEnvSchema = z.object({
  /** none | fake (the local fake gateway, started in-process) | aliyun. Default: fake in demo mode, none otherwise. */
  SMS_PROVIDER: z.enum(['none', 'fake', 'aliyun']).optional(),
  SMS_GATEWAY_URL: z.url().optional(),
  SMS_ACCESS_KEY_ID: z.string().min(1).optional(),
  SMS_ACCESS_KEY_SECRET: z.string().min(1).optional(),
  /** The signature 【…】 registered with the provider; it counts in the SMS length. */
  SMS_SIGN_NAME: z.string().min(2).max(12).default('烟草营销'),
  /** The provider's contracted rate: messages a second. */
  SMS_RATE_PER_S: z.coerce.number().min(0.1).max(10000).default(20),
  /** Numbers per provider call (SendBatchSms, at most 1000); 1 sends one number per call. */
  SMS_BATCH_SIZE: count(1, 1000, 100),
  /** Provider calls in flight at once. */
  SMS_CONCURRENCY: count(1, 32, 4),
  /** A provider call that has not answered in this long is "maybe sent". */
  SMS_TIMEOUT_SECONDS: z.coerce.number().min(1).max(60).default(5),
  /** After an unclear answer, wait this long before asking the provider whether it went; must exceed SMS_TIMEOUT_SECONDS. */
  SMS_SETTLE_SECONDS: z.coerce.number().min(2).max(3600).default(20),
  /** The contracted price of one SMS part, for the report's cost estimate (yuan). */
  SMS_PRICE_PER_SEGMENT_YUAN: z.coerce.number().min(0).max(10).default(0.045),
  /** WeChat official account: template messages to a shop's bound openid, preferred over SMS. */
  WECHAT_APP_ID: z.string().min(1).optional(),
  WECHAT_GATEWAY_URL: z.url().optional(),
  /** Unread in-app reminders and supply notices are texted after this many minutes. */
  NOTICE_FALLBACK_MINUTES: count(1, 10080, 120),
  /** Attempts before a message is given up as failed. */
  NOTICE_MAX_ATTEMPTS: count(1, 20, 5),
  /** First delay before a message the provider has no record of is sent again (doubling, at most an hour). */
  NOTICE_RETRY_BASE_SECONDS: count(1, 3600, 30),
  /** An SMS or WeChat notice to this many shops or more waits for another manager's approval (decision 1133). */
  NOTICE_APPROVAL_MIN_RECIPIENTS: count(1, 1_000_000, 1000),
  /** Beijing time when nothing but urgent notices goes out, `HH:MM-HH:MM` (may span midnight), or `off`. */
  NOTICE_QUIET_HOURS: z
    .string()
    .default('21:00-08:00')
    .refine((v) => v === 'off' || /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/.test(v), 'NOTICE_QUIET_HOURS is HH:MM-HH:MM (Beijing time) or off')
    .transform((v): QuietHours => (v === 'off' ? { startMinute: 0, endMinute: 0 } : { startMinute: minuteOf(v.slice(0, 5)), endMinute: minuteOf(v.slice(6)) })),
});
export type NoticeEnv = z.infer<typeof noticeEnvSchema>;

/** The checks across variables; `readEnv` applies them to the whole environment. */
export function checkNoticeEnv(env: NoticeEnv, ctx: z.RefinementCtx): void {
  if (env.SMS_PROVIDER === 'aliyun' && (!env.SMS_ACCESS_KEY_ID || !env.SMS_ACCESS_KEY_SECRET))
    ctx.addIssue({ code: 'custom', path: ['SMS_ACCESS_KEY_ID'], message: 'SMS_PROVIDER=aliyun needs SMS_ACCESS_KEY_ID and SMS_ACCESS_KEY_SECRET' });
  if (env.SMS_SETTLE_SECONDS <= env.SMS_TIMEOUT_SECONDS)
    ctx.addIssue({ code: 'custom', path: ['SMS_SETTLE_SECONDS'], message: 'SMS_SETTLE_SECONDS must exceed SMS_TIMEOUT_SECONDS: a call still in flight must never be asked about (decision 1130)' });
  if (env.NOTICE_QUIET_HOURS.startMinute === env.NOTICE_QUIET_HOURS.endMinute && env.NOTICE_QUIET_HOURS.startMinute !== 0)
    ctx.addIssue({ code: 'custom', path: ['NOTICE_QUIET_HOURS'], message: 'NOTICE_QUIET_HOURS starts and ends at the same time; write off for none' });
}

/** Every notice setting from the environment; `fakeUrl` is the in-process fake gateway when SMS_PROVIDER=fake. */
export function configureNoticesFromEnv(env: NoticeEnv & { SMS_PROVIDER: 'none' | 'fake' | 'aliyun' }, fakeUrl?: string): NoticeConfig {
  const smsUrl = env.SMS_PROVIDER === 'fake' ? fakeUrl : env.SMS_PROVIDER === 'aliyun' ? (env.SMS_GATEWAY_URL ?? 'https://dysmsapi.aliyuncs.com') : undefined;
  const wechatUrl = env.WECHAT_APP_ID ? (env.WECHAT_GATEWAY_URL ?? (env.SMS_PROVIDER === 'fake' ? fakeUrl : 'https://api.weixin.qq.com')) : undefined;
  const timeoutMs = env.SMS_TIMEOUT_SECONDS * 1000;
  return configureNotices({
    sms: smsUrl ? aliyunSmsGateway({ baseUrl: smsUrl, accessKeyId: env.SMS_ACCESS_KEY_ID, accessKeySecret: env.SMS_ACCESS_KEY_SECRET, timeoutMs }) : null,
    wechat: wechatUrl && env.WECHAT_APP_ID ? wechatGateway({ baseUrl: wechatUrl, appId: env.WECHAT_APP_ID, timeoutMs }) : null,
    signName: env.SMS_SIGN_NAME,
    ratePerSecond: env.SMS_RATE_PER_S,
    batchSize: env.SMS_BATCH_SIZE,
    concurrency: env.SMS_CONCURRENCY,
    settleSeconds: env.SMS_SETTLE_SECONDS,
    maxAttempts: env.NOTICE_MAX_ATTEMPTS,
    retryBaseSeconds: env.NOTICE_RETRY_BASE_SECONDS,
    smsPricePerSegmentYuan: env.SMS_PRICE_PER_SEGMENT_YUAN,
    approvalMinRecipients: env.NOTICE_APPROVAL_MIN_RECIPIENTS,
    fallbackMinutes: env.NOTICE_FALLBACK_MINUTES,
    quiet: env.NOTICE_QUIET_HOURS,
  });
}
