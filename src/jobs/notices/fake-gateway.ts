// A local SMS + WeChat gateway speaking the shapes gateways.ts sends: the
// tests, the demo and the bench start it in-process, so nothing needs the
// network. It has a rate limit (numbers per second), injected failures (a 500
// before or after recording the message, or no answer at all after recording
// it) and delivery receipts that arrive after a delay.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

export type FailureMode = 'error_before' | 'error_after' | 'timeout_after';

export type FakeGatewayOptions = {
  ratePerSecond?: number;
  /** Share of sends that fail, each with a mode drawn from `failureModes`. */
  failRate?: number;
  failureModes?: FailureMode[];
  /** Receipts become pullable this long after the send. */
  receiptDelayMs?: number;
  /** How long a 'timeout_after' send keeps the request open. */
  hangMs?: number;
  /** Deterministic random draws (tests and the bench). */
  seed?: number;
  /** The gateway's clock for the send dates it records (tests move it with theirs). */
  clock?: () => number;
};

export type FakeRecord = { channel: 'sms' | 'wechat'; bizId: string; address: string; outId: string; templateCode: string; params: Record<string, unknown>; at: number };

export type FakeGateway = {
  url: string;
  records: FakeRecord[];
  /** Failures to inject on the next sends, before the random ones. */
  failNext: FailureMode[];
  options: FakeGatewayOptions;
  stats: { rateLimited: number; injected: number };
  close: () => Promise<void>;
};

export async function startFakeGateway(opts: FakeGatewayOptions = {}, port = 0): Promise<FakeGateway> {
  const options: FakeGatewayOptions = { ratePerSecond: 50, failRate: 0, failureModes: ['error_before', 'error_after', 'timeout_after'], receiptDelayMs: 200, hangMs: 15_000, ...opts };
  const records: FakeRecord[] = [];
  let pending: { rec: FakeRecord; readyAt: number; delivered: boolean }[] = [];
  // Records by number, for the provider's query (a province's send is tens of thousands of records).
  const byAddress = new Map<string, FakeRecord[]>();
  const failNext: FailureMode[] = [];
  const stats = { rateLimited: 0, injected: 0 };
  let seed = options.seed ?? 1;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  let tokens = options.ratePerSecond!;
  let refilled = Date.now();
  const take = (n: number) => {
    const now = Date.now();
    tokens = Math.min(options.ratePerSecond!, tokens + ((now - refilled) / 1000) * options.ratePerSecond!);
    refilled = now;
    // Numbers per second; a batch larger than the bucket goes when the bucket is full and leaves it in debt.
    if (tokens < Math.min(n, options.ratePerSecond!)) return false;
    tokens -= n;
    return true;
  };
  const failure = (): FailureMode | null => {
    const f = failNext.shift();
    if (f) return f;
    if (options.failRate && random() < options.failRate) return options.failureModes![Math.floor(random() * options.failureModes!.length)];
    return null;
  };
  const open = new Set<http.ServerResponse>();

  const record = (channel: FakeRecord['channel'], address: string, outId: string, templateCode: string, params: Record<string, unknown>) => {
    const rec: FakeRecord = { channel, bizId: `${channel === 'sms' ? 'B' : 'W'}${randomUUID().replace(/-/g, '').slice(0, 16)}`, address, outId, templateCode, params, at: (options.clock ?? Date.now)() };
    records.push(rec);
    const list = byAddress.get(address);
    if (list) list.push(rec);
    else byAddress.set(address, [rec]);
    // Numbers ending in 0000 are unreachable: their receipt says so.
    pending.push({ rec, readyAt: Date.now() + random() * options.receiptDelayMs!, delivered: !address.endsWith('0000') });
    return rec;
  };
  const pull = (channel: FakeRecord['channel']) => {
    const now = Date.now();
    const ready: typeof pending = [];
    const rest: typeof pending = [];
    for (const p of pending) (p.rec.channel === channel && p.readyAt <= now ? ready : rest).push(p);
    pending = rest;
    return ready;
  };

  // Sends one request's numbers; answers as the provider would, or fails as injected.
  const handleSend = (res: http.ServerResponse, channel: FakeRecord['channel'], addresses: string[], outId: string, templateCode: string, params: Record<string, unknown> | Record<string, unknown>[], answer: (recs: FakeRecord[]) => unknown, limited: unknown) => {
    if (!take(addresses.length)) {
      stats.rateLimited++;
      return reply(res, 200, limited);
    }
    const f = failure();
    if (f) stats.injected++;
    if (f === 'error_before') return reply(res, 500, { Code: 'InternalError' });
    const recs = addresses.map((a, i) => record(channel, a, outId, templateCode, Array.isArray(params) ? params[i] : params));
    if (f === 'error_after') return reply(res, 500, { Code: 'InternalError' });
    if (f === 'timeout_after') {
      open.add(res);
      setTimeout(() => { open.delete(res); res.destroy(); }, options.hangMs).unref();
      return;
    }
    reply(res, 200, answer(recs));
  };

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = (raw ? JSON.parse(raw) : {}) as Record<string, unknown>;
      const url = new URL(req.url ?? '/', 'http://fake');
      switch (url.pathname) {
        case '/sms/send': {
          const phones = String(body.PhoneNumbers ?? '').split(',').filter(Boolean);
          if (!phones.length || !body.SignName || !body.TemplateCode) return reply(res, 200, { Code: 'isv.INVALID_PARAMETERS', Message: 'missing parameter' });
          const bad = phones.filter((p) => !/^1\d{10}$/.test(p));
          if (bad.length === phones.length) return reply(res, 200, { Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: 'illegal number' });
          return handleSend(res, 'sms', phones.filter((p) => !bad.includes(p)), String(body.OutId ?? ''), String(body.TemplateCode), JSON.parse(String(body.TemplateParam ?? '{}')),
            (recs) => ({ Code: 'OK', RequestId: randomUUID(), BizId: recs[0].bizId, Results: [
              ...recs.map((r) => ({ PhoneNumber: r.address, Code: 'OK', BizId: r.bizId })),
              ...bad.map((p) => ({ PhoneNumber: p, Code: 'isv.MOBILE_NUMBER_ILLEGAL' })),
            ] }),
            { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: 'rate limit' });
        }
        case '/sms/send-batch': {
          // SendBatchSms: numbers and their parameters as JSON arrays, one template, one OutId; a failure takes the whole request.
          let phones: string[];
          let params: Record<string, unknown>[];
          try {
            phones = JSON.parse(String(body.PhoneNumberJson ?? '[]')) as string[];
            params = JSON.parse(String(body.TemplateParamJson ?? '[]')) as Record<string, unknown>[];
          } catch {
            return reply(res, 200, { Code: 'isv.INVALID_JSON_PARAM', Message: 'bad JSON' });
          }
          if (!phones.length || phones.length !== params.length || !body.TemplateCode || phones.length > 1000) return reply(res, 200, { Code: 'isv.INVALID_PARAMETERS', Message: 'bad batch' });
          const good = phones.map((p, i) => ({ p, i })).filter((x) => /^1\d{10}$/.test(x.p));
          const bad = phones.filter((p) => !/^1\d{10}$/.test(p));
          if (!good.length) return reply(res, 200, { Code: 'isv.MOBILE_NUMBER_ILLEGAL', Message: 'illegal number' });
          return handleSend(res, 'sms', good.map((x) => x.p), String(body.OutId ?? ''), String(body.TemplateCode), good.map((x) => params[x.i]),
            (recs) => ({ Code: 'OK', RequestId: randomUUID(), BizId: recs[0].bizId, Results: [
              ...recs.map((r) => ({ PhoneNumber: r.address, Code: 'OK', BizId: r.bizId })),
              ...bad.map((p) => ({ PhoneNumber: p, Code: 'isv.MOBILE_NUMBER_ILLEGAL' })),
            ] }),
            { Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: 'rate limit' });
        }
        case '/sms/query': {
          const day = String(body.SendDate ?? '');
          const hits = (byAddress.get(String(body.PhoneNumber)) ?? []).filter((r) => r.channel === 'sms' && new Date(r.at + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '') === day);
          return reply(res, 200, { Code: 'OK', TotalCount: hits.length, SmsSendDetailDTOs: hits.map((r) => ({ PhoneNum: r.address, OutId: r.outId, BizId: r.bizId, TemplateCode: r.templateCode, SendStatus: 3 })) });
        }
        case '/sms/receipts':
          return reply(res, 200, { Code: 'OK', Reports: pull('sms').map((p) => ({ biz_id: p.rec.bizId, phone_number: p.rec.address, success: p.delivered, report_time: new Date().toISOString(), err_code: p.delivered ? 'DELIVERED' : 'UNDELIV', out_id: p.rec.outId })) });
        case '/cgi-bin/message/template/send': {
          const openid = String(body.touser ?? '');
          const clientId = String(body.client_msg_id ?? '');
          if (!openid || !body.template_id) return reply(res, 200, { errcode: 40003, errmsg: 'invalid openid' });
          // WeChat drops a repeat of (openid, client_msg_id) within 10 minutes and answers as the first time.
          const dup = records.find((r) => r.channel === 'wechat' && r.address === openid && r.outId === clientId && clientId && Date.now() - r.at < 600_000);
          if (dup) return reply(res, 200, { errcode: 0, errmsg: 'ok', msgid: dup.bizId });
          const data = (body.data ?? {}) as Record<string, { value: string }>;
          return handleSend(res, 'wechat', [openid], clientId, String(body.template_id), Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.value])),
            (recs) => ({ errcode: 0, errmsg: 'ok', msgid: recs[0].bizId }), { errcode: 45009, errmsg: 'reach max api daily quota limit' });
        }
        case '/cgi-bin/message/template/receipts':
          return reply(res, 200, { events: pull('wechat').map((p) => ({ MsgID: p.rec.bizId, Status: p.delivered ? 'success' : 'failed:user block', CreateTime: Math.floor(Date.now() / 1000) })) });
        default:
          return reply(res, 404, { Code: 'NotFound' });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    records,
    failNext,
    options,
    stats,
    close: async () => {
      for (const r of open) r.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function reply(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
