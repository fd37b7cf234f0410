// Sending the outbox (decision 1101). Each delivery row is claimed and marked
// `sending` in its own committed statement BEFORE the provider is called, so
// a crash or an unclear answer (500, time-out) leaves a row that says "may
// have gone". Such a row is not sent again blindly: after the settle time the
// provider is asked for a record with our request id (OutId); found → sent,
// not found → queued again with backoff. Rate: a token bucket at the
// contracted rate, and a provider's rate-limit answer puts the row back
// without counting an attempt. Quiet hours: outside urgent notices nothing is
// claimed between 21:00 and 08:00 Shanghai.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { queueDeliveriesWhere } from '../../db/notice-writes.js';
import { inQuietHours, retryDelaySeconds } from '../../domain/notices/quiet-hours.js';
import { UnclearAnswer, type ChannelGateway } from './gateways.js';
import type { NoticeConfig } from './notice-config.js';

type Due = { id: number; noticeId: number; channel: 'sms' | 'wechat'; address: string; requestId: string; attempts: number; template: string; text: string; params: Record<string, unknown> };
type InDoubt = { id: number; channel: 'sms' | 'wechat'; address: string; requestId: string; attempts: number; attemptAt: Date };

export type DispatchResult = { sent: number; failed: number; retried: number; rateLimited: number; confirmed: number; receipts: number; suppressed: number; fallbacks: number };

export type DispatchOptions = { now: () => Date; deadlineMs?: number; batch?: number; signal?: AbortSignal };

/** A token bucket in real time: `take()` resolves when one message may go. */
export function rateLimiter(perSecond: number) {
  let tokens = 1;
  let last = Date.now();
  return async function take(signal?: AbortSignal) {
    for (;;) {
      const now = Date.now();
      tokens = Math.min(Math.max(1, perSecond / 10), tokens + ((now - last) / 1000) * perSecond);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return;
      }
      signal?.throwIfAborted();
      await new Promise((r) => setTimeout(r, Math.ceil(((1 - tokens) / perSecond) * 1000)));
    }
  };
}

const iso = (d: Date) => d.toISOString();

/** Nudges whose retailer has ordered, and deliveries of suppressed notices, are marked suppressed (set-based). */
export async function suppressObsolete(db: Db, now: Date): Promise<number> {
  await db.execute(sql`update notices n set suppressed_at = ${iso(now)}::timestamptz
    where n.unless_ordered_plan_id is not null and n.suppressed_at is null and n.read_at is null
      and exists (select 1 from plan_orders po where po.plan_id = n.unless_ordered_plan_id and po.retailer_id = n.retailer_id)`);
  const rows = await query<{ id: number }>(db, sql`update notice_deliveries d set state = 'suppressed'
    from notices n where n.id = d.notice_id and d.state = 'queued' and n.suppressed_at is not null returning d.id`);
  return rows.length;
}

/** Unread in-app notices past their fallback time get an SMS (or WeChat) delivery; one per notice and channel at most. */
export async function queueFallbacks(db: Db, now: Date): Promise<number> {
  return queueDeliveriesWhere(db, sql`n.fallback_at <= ${iso(now)}::timestamptz and n.read_at is null and n.visible_at <= ${iso(now)}::timestamptz`, now);
}

async function settle(db: Db, id: number, set: ReturnType<typeof sql>) {
  await db.execute(sql`update notice_deliveries set ${set} where id = ${id} and state = 'sending'`);
}

/** Rows left `sending` (unclear answer or a dead sender) past the settle time: ask the provider, then sent or queued again. */
async function resolveInDoubt(db: Db, cfg: NoticeConfig, now: Date, r: DispatchResult): Promise<void> {
  const rows = await query<InDoubt>(db, sql`select id::int8 as id, channel, address, request_id as "requestId", attempts, attempt_at as "attemptAt"
    from notice_deliveries where state = 'sending' and attempt_at <= ${iso(new Date(now.getTime() - cfg.settleSeconds * 1000))}::timestamptz
    order by attempt_at limit 200`);
  for (const d of rows) {
    const gw = d.channel === 'sms' ? cfg.sms : cfg.wechat;
    if (!gw) continue;
    let found: { providerId: string } | null;
    try {
      found = await gw.findSent(d.address, d.requestId, new Date(d.attemptAt));
    } catch {
      continue; // the provider cannot say now: ask again on the next round, never resend meanwhile
    }
    if (found) {
      await settle(db, Number(d.id), sql`state = 'sent', provider_id = ${found.providerId}, sent_at = attempt_at, last_error = null`);
      r.confirmed++;
    } else if (d.attempts >= cfg.maxAttempts) {
      await settle(db, Number(d.id), sql`state = 'failed', failed_at = ${iso(now)}::timestamptz`);
      r.failed++;
    } else {
      await settle(db, Number(d.id), sql`state = 'queued', due_at = ${iso(new Date(now.getTime() + retryDelaySeconds(d.attempts) * 1000))}::timestamptz`);
      r.retried++;
    }
  }
}

async function claim(db: Db, now: Date, quiet: boolean, batch: number): Promise<Due[]> {
  return query<Due>(db, sql`
    with due as (
      select d.id from notice_deliveries d join notices n on n.org_id = d.org_id and n.id = d.notice_id
      where d.state = 'queued' and d.due_at <= ${iso(now)}::timestamptz and n.visible_at <= ${iso(now)}::timestamptz ${quiet ? sql`and n.urgent` : sql``}
      order by n.urgent desc, d.due_at, d.id limit ${batch} for update of d skip locked)
    update notice_deliveries d set state = 'sending', attempts = d.attempts + 1, attempt_at = ${iso(now)}::timestamptz
    from due, notices n where d.id = due.id and n.id = d.notice_id
    returning d.id::int8 as id, d.notice_id::int8 as "noticeId", d.channel, d.address, d.request_id as "requestId", d.attempts,
      n.template, coalesce(n.sms_text, n.body) as text, n.params`);
}

async function sendOne(db: Db, gw: ChannelGateway, cfg: NoticeConfig, d: Due, now: Date, r: DispatchResult) {
  const params: Record<string, string> = { text: d.text };
  for (const [k, v] of Object.entries(d.params ?? {})) if (typeof v === 'string' || typeof v === 'number') params[k] = String(v);
  try {
    const answer = await gw.send({ signName: cfg.signName, templateCode: `ZY_${d.template.toUpperCase()}`, templateParam: params, phoneNumbers: [d.address], outId: d.requestId });
    if (answer.kind === 'rate_limited') {
      await settle(db, d.id, sql`state = 'queued', attempts = attempts - 1, due_at = ${iso(new Date(now.getTime() + 1000))}::timestamptz`);
      r.rateLimited++;
      return;
    }
    const res = answer.results[0];
    if (res?.ok) {
      await settle(db, d.id, sql`state = 'sent', provider_id = ${res.bizId}, sent_at = ${iso(now)}::timestamptz, last_error = null`);
      r.sent++;
    } else {
      // A clear refusal (bad number, bad template): sending again would be refused again.
      await settle(db, d.id, sql`state = 'failed', failed_at = ${iso(now)}::timestamptz, last_error = ${res?.code ?? 'no result'}`);
      r.failed++;
    }
  } catch (e) {
    if (!(e instanceof UnclearAnswer)) throw e;
    // Stays `sending`: resolveInDoubt asks the provider after the settle time.
    await db.execute(sql`update notice_deliveries set last_error = ${e.message} where id = ${d.id} and state = 'sending'`);
  }
}

async function applyReceipts(db: Db, gw: ChannelGateway, r: DispatchResult) {
  let receipts;
  try {
    receipts = await gw.pullReceipts();
  } catch {
    return;
  }
  for (const x of receipts) {
    await db.execute(x.delivered
      ? sql`update notice_deliveries set state = 'delivered', delivered_at = ${iso(x.at)}::timestamptz where provider_id = ${x.providerId} and state in ('sent', 'sending')`
      : sql`update notice_deliveries set state = 'failed', failed_at = ${iso(x.at)}::timestamptz, last_error = ${x.code} where provider_id = ${x.providerId} and state in ('sent', 'sending')`);
  }
  r.receipts += receipts.length;
}

/** One round of sending: suppress, fall back, resolve unclear ones, send what is due until none is left or the deadline. */
export async function dispatchNotices(db: Db, cfg: NoticeConfig, opts: DispatchOptions): Promise<DispatchResult> {
  const r: DispatchResult = { sent: 0, failed: 0, retried: 0, rateLimited: 0, confirmed: 0, receipts: 0, suppressed: 0, fallbacks: 0 };
  const started = Date.now();
  const deadline = started + (opts.deadlineMs ?? 45_000);
  r.suppressed = await suppressObsolete(db, opts.now());
  r.fallbacks = await queueFallbacks(db, opts.now());
  await resolveInDoubt(db, cfg, opts.now(), r);
  const take = rateLimiter(cfg.ratePerSecond);
  while (Date.now() < deadline) {
    opts.signal?.throwIfAborted();
    const now = opts.now();
    const due = await claim(db, now, inQuietHours(now, cfg.quiet), opts.batch ?? 50);
    if (!due.length) break;
    for (const d of due) {
      const gw = d.channel === 'sms' ? cfg.sms : cfg.wechat;
      if (!gw) {
        // No gateway configured for this channel: back to the queue, untouched, for when one is.
        await settle(db, d.id, sql`state = 'queued', attempts = attempts - 1, due_at = ${iso(new Date(now.getTime() + 60_000))}::timestamptz`);
        continue;
      }
      await take(opts.signal);
      await sendOne(db, gw, cfg, d, opts.now(), r);
    }
    if (!cfg.sms && !cfg.wechat) break;
  }
  for (const gw of [cfg.sms, cfg.wechat]) if (gw) await applyReceipts(db, gw, r);
  return r;
}
