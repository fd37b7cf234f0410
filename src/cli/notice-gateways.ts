// The notice gateways of a process (the server or a worker), from the checked
// environment: the in-process fake gateway in the demo (rate limit, a few
// failures, delayed receipts), a real provider by configuration, or none.
import { startFakeGateway, type FakeGateway } from '../jobs/notices/fake-gateway.js';
import { configureNoticesFromEnv } from '../jobs/notices/notice-config.js';
import type { Env } from '../server/env.js';

export async function startNoticeGateways(env: Env): Promise<FakeGateway | null> {
  const provider = env.SMS_PROVIDER ?? (env.demo ? 'fake' : 'none');
  const fake = provider === 'fake' ? await startFakeGateway({ ratePerSecond: env.SMS_RATE_PER_S, failRate: 0.02, receiptDelayMs: 30_000 }) : null;
  configureNoticesFromEnv({ ...env, SMS_PROVIDER: provider, WECHAT_APP_ID: env.WECHAT_APP_ID ?? (fake ? 'wx-demo' : undefined) }, fake?.url);
  if (fake) console.log(`短信网关（本地模拟） fake SMS/WeChat gateway: ${fake.url}`);
  return fake;
}
