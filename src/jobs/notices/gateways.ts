// Outside channels, shaped like the providers' APIs: SMS like Aliyun SendSms /
// QuerySendDetails (signature, template code, template parameters, a batch of
// numbers, a per-number result, OutId echoed in the records, delivery
// receipts pulled), WeChat like the official account's template message
// (touser = openid, template_id, data; client_msg_id makes WeChat drop a
// repeat within 10 minutes). The providers do not deduplicate SMS: the sender
// does (decision 1101). Real endpoints are configuration, untested against
// the real services; the tests and the demo talk to fake-gateway.ts.
import { createHmac, randomUUID } from 'node:crypto';

export type SmsSend = {
  signName: string;
  templateCode: string;
  templateParam: Record<string, string>;
  phoneNumbers: string[];
  /** Our request id, kept by the provider with the record and found again by findSent. */
  outId: string;
};
/** One request, many numbers, each with its own parameters (Aliyun SendBatchSms; Tencent SendSms takes a number list). */
export type SmsBatch = {
  signName: string;
  templateCode: string;
  items: { phone: string; templateParam: Record<string, string> }[];
  /** Shared by the batch's numbers; a number's record is found again by (number, outId). */
  outId: string;
};
export type SmsResult = { phone: string; ok: boolean; bizId: string | null; code: string };
export type Receipt = { providerId: string; delivered: boolean; at: Date; code: string };

/** The provider answered clearly: accepted or refused. Anything else throws. */
export type SendAnswer = { kind: 'answered'; results: SmsResult[] } | { kind: 'rate_limited' };

/** No clear answer (5xx, timeout, network): the message may or may not have gone. */
export class UnclearAnswer extends Error {}

export interface ChannelGateway {
  readonly channel: 'sms' | 'wechat';
  send(msg: SmsSend): Promise<SendAnswer>;
  /** A batch of numbers in one provider call, a result per number; absent: the channel sends one by one. */
  sendBatch?(msg: SmsBatch): Promise<SendAnswer>;
  /** The provider's record of a message we sent with this outId, or null when it has none. */
  findSent(address: string, outId: string, sentOn: Date): Promise<{ providerId: string } | null>;
  pullReceipts(): Promise<Receipt[]>;
}

export type GatewayConfig = { baseUrl: string; accessKeyId?: string; accessKeySecret?: string; timeoutMs?: number };

async function post(url: string, body: unknown, timeoutMs: number): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    throw new UnclearAnswer(`no answer: ${(e as Error).name}`);
  }
  if (res.status >= 500) throw new UnclearAnswer(`HTTP ${res.status}`);
  const json = (await res.json().catch(() => null)) as unknown;
  if (json === null) throw new UnclearAnswer(`HTTP ${res.status} without JSON`);
  return json;
}

/** Aliyun's RPC signature (HMAC-SHA1 over the sorted, percent-encoded query); unused by the fake. */
export function aliyunSignature(params: Record<string, string>, secret: string, method = 'POST'): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%7E/g, '~');
  const canonical = Object.keys(params).sort().map((k) => `${enc(k)}=${enc(params[k])}`).join('&');
  return createHmac('sha1', `${secret}&`).update(`${method}&${enc('/')}&${enc(canonical)}`).digest('base64');
}

type AliyunSendReply = { Code: string; Message?: string; BizId?: string; Results?: { PhoneNumber: string; Code: string; BizId?: string }[] };
type AliyunQueryReply = { Code: string; SmsSendDetailDTOs?: { OutId?: string; BizId?: string; PhoneNum: string }[] };
type AliyunReceipt = { biz_id: string; success: boolean; report_time: string; err_code: string };

/** SMS in Aliyun's shape (dysmsapi: SendSms, QuerySendDetails, receipts from the report queue). */
export function aliyunSmsGateway(cfg: GatewayConfig): ChannelGateway {
  const timeout = cfg.timeoutMs ?? 5000;
  const signed = (action: string, p: Record<string, string>) => {
    const params: Record<string, string> = { Action: action, Format: 'JSON', Version: '2017-05-25', SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0',
      SignatureNonce: randomUUID(), Timestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), AccessKeyId: cfg.accessKeyId ?? '', ...p };
    return { ...params, Signature: aliyunSignature(params, cfg.accessKeySecret ?? '') };
  };
  return {
    channel: 'sms',
    async send(msg) {
      const reply = (await post(`${cfg.baseUrl}/sms/send`, signed('SendSms', {
        SignName: msg.signName, TemplateCode: msg.templateCode, TemplateParam: JSON.stringify(msg.templateParam), PhoneNumbers: msg.phoneNumbers.join(','), OutId: msg.outId,
      }), timeout)) as AliyunSendReply;
      if (reply.Code === 'isv.BUSINESS_LIMIT_CONTROL') return { kind: 'rate_limited' };
      const results = reply.Results ?? msg.phoneNumbers.map((p) => ({ PhoneNumber: p, Code: reply.Code, BizId: reply.BizId }));
      return { kind: 'answered', results: results.map((r) => ({ phone: r.PhoneNumber, ok: r.Code === 'OK', bizId: r.BizId ?? null, code: r.Code })) };
    },
    async sendBatch(msg) {
      const reply = (await post(`${cfg.baseUrl}/sms/send-batch`, signed('SendBatchSms', {
        PhoneNumberJson: JSON.stringify(msg.items.map((i) => i.phone)), SignNameJson: JSON.stringify(msg.items.map(() => msg.signName)),
        TemplateCode: msg.templateCode, TemplateParamJson: JSON.stringify(msg.items.map((i) => i.templateParam)), OutId: msg.outId,
      }), timeout)) as AliyunSendReply;
      if (reply.Code === 'isv.BUSINESS_LIMIT_CONTROL') return { kind: 'rate_limited' };
      const results = reply.Results ?? msg.items.map((i) => ({ PhoneNumber: i.phone, Code: reply.Code, BizId: reply.BizId }));
      return { kind: 'answered', results: results.map((r) => ({ phone: r.PhoneNumber, ok: r.Code === 'OK', bizId: r.BizId ?? null, code: r.Code })) };
    },
    async findSent(phone, outId, sentOn) {
      // Records are kept by the provider's send date (Beijing): look on the attempt's day and the next, for an attempt just before midnight.
      for (const at of [sentOn, new Date(sentOn.getTime() + 86400_000)]) {
        const day = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
        const reply = (await post(`${cfg.baseUrl}/sms/query`, signed('QuerySendDetails', { PhoneNumber: phone, SendDate: day, PageSize: '50', CurrentPage: '1' }), timeout)) as AliyunQueryReply;
        if (reply.Code !== 'OK') throw new UnclearAnswer(`query ${reply.Code}`);
        const hit = (reply.SmsSendDetailDTOs ?? []).find((d) => d.OutId === outId);
        if (hit) return { providerId: hit.BizId ?? outId };
      }
      return null;
    },
    async pullReceipts() {
      const reply = (await post(`${cfg.baseUrl}/sms/receipts`, signed('PullSmsReport', {}), timeout)) as { Code: string; Reports?: AliyunReceipt[] };
      return (reply.Reports ?? []).map((r) => ({ providerId: r.biz_id, delivered: r.success, at: new Date(r.report_time), code: r.err_code }));
    },
  };
}

type WechatReply = { errcode: number; errmsg: string; msgid?: number | string };

/** WeChat official-account template messages (message/template/send with client_msg_id). */
export function wechatGateway(cfg: GatewayConfig & { appId: string }): ChannelGateway {
  const timeout = cfg.timeoutMs ?? 5000;
  return {
    channel: 'wechat',
    async send(msg) {
      const results: SmsResult[] = [];
      for (const openid of msg.phoneNumbers) {
        const data = Object.fromEntries(Object.entries(msg.templateParam).map(([k, v]) => [k, { value: v }]));
        const reply = (await post(`${cfg.baseUrl}/cgi-bin/message/template/send?appid=${encodeURIComponent(cfg.appId)}`, {
          touser: openid, template_id: msg.templateCode, client_msg_id: msg.outId, data,
        }, timeout)) as WechatReply;
        if (reply.errcode === 45009) return { kind: 'rate_limited' };
        results.push({ phone: openid, ok: reply.errcode === 0, bizId: reply.msgid === undefined ? null : String(reply.msgid), code: String(reply.errcode) });
      }
      return { kind: 'answered', results };
    },
    // WeChat keeps no queryable record; a resend with the same client_msg_id within 10 minutes is dropped by WeChat itself.
    async findSent() {
      return null;
    },
    async pullReceipts() {
      const reply = (await post(`${cfg.baseUrl}/cgi-bin/message/template/receipts?appid=${encodeURIComponent(cfg.appId)}`, {}, timeout)) as { events?: { MsgID: string; Status: string; CreateTime: number }[] };
      return (reply.events ?? []).map((e) => ({ providerId: String(e.MsgID), delivered: e.Status === 'success', at: new Date(e.CreateTime * 1000), code: e.Status }));
    },
  };
}
