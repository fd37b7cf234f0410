// Sending the outbox (decisions 1101, 1130). Due delivery rows are claimed
// and marked `sending`, with the OutId of this attempt, in one committed
// statement BEFORE the provider is called, so a crash or an unclear answer
// (500, time-out) leaves rows that say "may have gone". SMS go in batches
// (SendBatchSms: up to `batchSize` numbers, one template, per-number
// parameters and results) from `concurrency` lanes; the OutId is shared by
// the batch and a number's record is found again by (number, OutId). A row
// left `sending` is never sent again blindly: after the settle time the
// provider is asked; found → sent, not found → queued again with backoff.
// Rate: a token bucket per number at the contracted rate, taken BEFORE the
// claim (so no claimed row waits for tokens), and a provider's rate-limit
// answer puts the batch back without counting an attempt. Quiet hours:
// outside urgent notices nothing is claimed between 21:00 and 08:00 Shanghai.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { queueDeliveriesWhere } from '../../db/notice-writes.js';
import { inQuietHours, retryDelayFrom } from '../../domain/notices/quiet-hours.js';
import { UnclearAnswer, type ChannelGateway, type SendAnswer } from './gateways.js';
import type { NoticeConfig } from './notice-config.js';

type Due = { id: number; orgId: number; channel: 'sms' | 'wechat'; address: string; outId: string; attempts: number; template: string; text: string; params: Record<string, unknown> };
type InDoubt = { id: number; channel: 'sms' | 'wechat'; address: string; outId: string; attempts: number; attemptAt: Date };

export type DispatchResult = { sent: number; failed: number; retried: number; rateLimited: number; confirmed: number; receipts: number; suppressed: number; fallbacks: number; calls: number };

export type DispatchOptions = { now: () => Date; deadlineMs?: number; signal?: AbortSignal };

/** A token bucket in real time: `take(n)` resolves when n messages may go; `give(n)` returns unused ones. */
export function rateLimiter(perSecond: number, burst = Math.max(1, perSecond / 10)) {
  const capacity = Math.max(1, burst);
  let tokens = capacity;
  let last = Date.now();
  const refill = () => {
    const now = Date.now();
    tokens = Math.min(capacity, tokens + ((now - last) / 1000) * perSecond);
    last = now;
  };
  let chain: Promise<void> = Promise.resolve();
  const take = (n = 1, signal?: AbortSignal): Promise<void> => {
    const want = Math.min(n, capacity);
    // One waiter at a time, in order: lanes get the rate between them, not each.
    const p = chain.then(async () => {
      for (;;) {
        refill();
        if (tokens >= want) {
          tokens -= want;
          return;
        }
        signal?.throwIfAborted();
        await sleep(Math.max(1, Math.ceil(((want - tokens) / perSecond) * 1000)), undefined, { signal });
      }
    });
    chain = p.catch(() => undefined);
    return p;
  };
  const give = (n: number) => {
    refill();
    tokens = Math.min(capacity, tokens + n);
  };
  return { take, give };
}

const iso = (d: Date) => d.toISOString();

/** Nudges whose retailer has ordered, and deliveries of suppressed notices, are marked suppressed (set-based). */
export async function suppressObsolete(db: Db, now: Date): Promise<number> {
  await db.execute(sql`update notices n set suppressed_at = ${iso(now)}::timestamptz
    where n.unless_ordered_plan_id is not null and n.suppressed_at is null and n.read_at is null
      and exists (select 1 from plan_orders po where po.org_id = n.org_id and po.plan_id = n.unless_ordered_plan_id and po.retailer_id = n.retailer_id)`);
  const rows = await query<{ id: number }>(db, sql`update notice_deliveries d set state = 'suppressed'
    from notices n where n.org_id = d.org_id and n.id = d.notice_id and d.state = 'queued' and n.suppressed_at is not null returning d.id`);
  return rows.length;
}

/** Unread in-app notices past their fallback time get an SMS (or WeChat) delivery; one per notice and channel at most. */
export async function queueFallbacks(db: Db, now: Date): Promise<number> {
  return queueDeliveriesWhere(db, sql`n.fallback_at <= ${iso(now)}::timestamptz and n.read_at is null and n.visible_at <= ${iso(now)}::timestamptz`, now);
}

/** Settle many `sending` rows at once: each (id, value) pair from a JSON array; only rows still `sending` change. */
async function settleMany(db: Db, rows: { id: number; v?: string | null }[], set: SQL) {
  if (!rows.length) return;
  await db.execute(sql`update notice_deliveries d set ${set}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id int8, v text) where d.id = x.id and d.state = 'sending'`);
}

/** Rows left `sending` (unclear answer or a dead sender) past the settle time: ask the provider, then sent or queued again. */
async function resolveInDoubt(db: Db, cfg: NoticeConfig, now: Date, r: DispatchResult): Promise<void> {
  const rows = await query<InDoubt>(db, sql`select id::int8 as id, channel, address, coalesce(out_id, request_id) as "outId", attempts, attempt_at as "attemptAt"
    from notice_deliveries where state = 'sending' and attempt_at <= ${iso(new Date(now.getTime() - cfg.settleSeconds * 1000))}::timestamptz
    order by attempt_at limit 2000`);
  const found: { id: number; v: string }[] = [];
  const gone: { id: number }[] = [];
  const again: { id: number; v: string }[] = [];
  // Asked 16 at a time: a province's failed batches are thousands of numbers.
  for (let i = 0; i < rows.length; i += 16) {
    await Promise.all(rows.slice(i, i + 16).map(async (d) => {
      const gw = d.channel === 'sms' ? cfg.sms : cfg.wechat;
      if (!gw) return;
      let hit: { providerId: string } | null;
      try {
        hit = await gw.findSent(d.address, d.outId, new Date(d.attemptAt));
      } catch {
        return; // the provider cannot say now: ask again on the next round, never resend meanwhile
      }
      if (hit) found.push({ id: Number(d.id), v: hit.providerId });
      else if (d.attempts >= cfg.maxAttempts) gone.push({ id: Number(d.id) });
      else again.push({ id: Number(d.id), v: iso(new Date(now.getTime() + retryDelayFrom(cfg.retryBaseSeconds, d.attempts) * 1000)) });
    }));
  }
  await settleMany(db, found, sql`state = 'sent', provider_id = x.v, sent_at = d.attempt_at, last_error = null`);
  await settleMany(db, gone, sql`state = 'failed', failed_at = ${iso(now)}::timestamptz`);
  await settleMany(db, again, sql`state = 'queued', due_at = x.v::timestamptz`);
  r.confirmed += found.length;
  r.failed += gone.length;
  r.retried += again.length;
}

/** Claim up to `n` due rows: `sending`, one attempt more, this attempt's OutId (shared by the claim; WeChat keeps its request id, which WeChat deduplicates). */
async function claim(db: Db, now: Date, quiet: boolean, n: number): Promise<Due[]> {
  const tag = `zyb${randomUUID().replace(/-/g, '').slice(0, 20)}`;
  return query<Due>(db, sql`
    with due as (
      -- From the claim index alone (state, urgent first, due time): a province's backlog is not sorted again for every batch.
      -- A delivery is never due before its notice is visible (due_at = greatest(visible_at, queued time)).
      select d.id, d.org_id from notice_deliveries d
      where d.state = 'queued' and d.due_at <= ${iso(now)}::timestamptz ${quiet ? sql`and d.urgent` : sql``}
      order by d.state, d.urgent desc, d.due_at, d.id limit ${n} for update of d skip locked)
    update notice_deliveries d set state = 'sending', attempts = d.attempts + 1, attempt_at = ${iso(now)}::timestamptz,
      out_id = case when d.channel = 'wechat' then d.request_id else ${tag} end
    from due, notices n where d.id = due.id and d.org_id = due.org_id and n.org_id = d.org_id and n.id = d.notice_id
    returning d.id::int8 as id, d.org_id as "orgId", d.channel, d.address, d.out_id as "outId", d.attempts,
      n.template, coalesce(n.sms_text, n.body) as text, n.params`);
}

function paramsOf(d: Due): Record<string, string> {
  const params: Record<string, string> = { text: d.text };
  for (const [k, v] of Object.entries(d.params ?? {})) if (typeof v === 'string' || typeof v === 'number') params[k] = String(v);
  return params;
}

/** One provider call for `group` (same channel and template, distinct numbers), then every row settled by its own result. */
async function sendGroup(db: Db, gw: ChannelGateway, cfg: NoticeConfig, group: Due[], now: Date, r: DispatchResult) {
  const templateCode = `ZY_${group[0].template.toUpperCase()}`;
  let answer: SendAnswer;
  r.calls++;
  try {
    answer = group.length > 1 && gw.sendBatch
      ? await gw.sendBatch({ signName: cfg.signName, templateCode, outId: group[0].outId, items: group.map((d) => ({ phone: d.address, templateParam: paramsOf(d) })) })
      : await gw.send({ signName: cfg.signName, templateCode, templateParam: paramsOf(group[0]), phoneNumbers: [group[0].address], outId: group[0].outId });
  } catch (e) {
    if (!(e instanceof UnclearAnswer)) throw e;
    // Stay `sending`: resolveInDoubt asks the provider after the settle time.
    await settleMany(db, group.map((d) => ({ id: d.id, v: e.message })), sql`last_error = x.v`);
    return;
  }
  if (answer.kind === 'rate_limited') {
    await settleMany(db, group.map((d) => ({ id: d.id })), sql`state = 'queued', attempts = d.attempts - 1, due_at = ${iso(new Date(now.getTime() + 1000))}::timestamptz`);
    r.rateLimited += group.length;
    return;
  }
  const byPhone = new Map(answer.results.map((x) => [x.phone, x]));
  const ok: { id: number; v: string }[] = [];
  const refused: { id: number; v: string }[] = [];
  for (const d of group) {
    const res = byPhone.get(d.address);
    if (!res) continue; // no result for this number: unclear, settled by the provider's records later
    if (res.ok) ok.push({ id: d.id, v: res.bizId ?? d.outId });
    else refused.push({ id: d.id, v: res.code }); // a clear refusal (bad number, bad template): sending again would be refused again
  }
  await settleMany(db, ok, sql`state = 'sent', provider_id = x.v, sent_at = ${iso(now)}::timestamptz, last_error = null`);
  await settleMany(db, refused, sql`state = 'failed', failed_at = ${iso(now)}::timestamptz, last_error = x.v`);
  r.sent += ok.length;
  r.failed += refused.length;
}

/** Split a claim into provider calls: by channel and template, distinct numbers per call (a number's result is found by the number). */
function groups(due: Due[], size: number): Due[][] {
  const out: Due[][] = [];
  const open = new Map<string, { rows: Due[]; phones: Set<string> }[]>();
  for (const d of due) {
    const key = `${d.channel}:${d.template}`;
    const list = open.get(key) ?? [];
    open.set(key, list);
    const max = d.channel === 'sms' ? size : 1;
    let g = list.find((x) => x.rows.length < max && !x.phones.has(d.address));
    if (!g) {
      g = { rows: [], phones: new Set() };
      list.push(g);
    }
    g.rows.push(d);
    g.phones.add(d.address);
  }
  for (const list of open.values()) for (const g of list) out.push(g.rows);
  return out;
}

async function applyReceipts(db: Db, gw: ChannelGateway, r: DispatchResult) {
  let receipts;
  try {
    receipts = await gw.pullReceipts();
  } catch {
    return;
  }
  for (let i = 0; i < receipts.length; i += 2000) {
    const chunk = receipts.slice(i, i + 2000).map((x) => ({ p: x.providerId, ok: x.delivered, at: iso(x.at), code: x.code }));
    await db.execute(sql`update notice_deliveries d set
        state = case when x.ok then 'delivered' else 'failed' end,
        delivered_at = case when x.ok then x.at else d.delivered_at end,
        failed_at = case when x.ok then d.failed_at else x.at end,
        last_error = case when x.ok then d.last_error else x.code end
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as x(p text, ok boolean, at timestamptz, code text)
      where d.provider_id = x.p and d.state in ('sent', 'sending')`);
  }
  r.receipts += receipts.length;
}

/** One round of sending: suppress, fall back, resolve unclear ones, send what is due until none is left or the deadline. */
export async function dispatchNotices(db: Db, cfg: NoticeConfig, opts: DispatchOptions): Promise<DispatchResult> {
  const r: DispatchResult = { sent: 0, failed: 0, retried: 0, rateLimited: 0, confirmed: 0, receipts: 0, suppressed: 0, fallbacks: 0, calls: 0 };
  const deadline = Date.now() + (opts.deadlineMs ?? 45_000);
  r.suppressed = await suppressObsolete(db, opts.now());
  r.fallbacks = await queueFallbacks(db, opts.now());
  await resolveInDoubt(db, cfg, opts.now(), r);
  if (!cfg.sms && !cfg.wechat) return r;
  const size = Math.max(1, cfg.batchSize);
  // A bucket of half a second's numbers (at least one batch): while every lane is in its statements or its call the
  // tokens keep, so the next takes go at once and the contracted rate is used, not lost (a bucket of one batch ran
  // at 82 % of the provider's rate; 90.5 % after, bench/RESULTS.md). Over any interval T we send at most rate × (T + ½ s): within a
  // provider's one-second window.
  const limiter = rateLimiter(cfg.ratePerSecond, Math.max(size, cfg.ratePerSecond / 2));
  let resolvedAt = Date.now();
  let resolving = false;
  // The first claim that finds less than a batch ends the round for every lane, waiting ones too: with nothing
  // due, the lanes queued for tokens used to sleep one after another (15 s a round at the demo's rate), holding a
  // job slot every minute.
  const drained = new AbortController();
  const waitSignal = opts.signal ? AbortSignal.any([opts.signal, drained.signal]) : drained.signal;
  const lane = async () => {
    while (Date.now() < deadline && !drained.signal.aborted) {
      opts.signal?.throwIfAborted();
      // Every few seconds one lane asks about the unclear ones, so a long round does not leave them to the next.
      if (!resolving && Date.now() - resolvedAt > Math.min(5000, cfg.settleSeconds * 500)) {
        resolving = true;
        try {
          await resolveInDoubt(db, cfg, opts.now(), r);
        } finally {
          resolvedAt = Date.now();
          resolving = false;
        }
      }
      // Tokens first, then the claim: no claimed row waits, so every call starts well within the settle time.
      try {
        await limiter.take(size, waitSignal);
      } catch (e) {
        if (drained.signal.aborted && !opts.signal?.aborted) return;
        throw e;
      }
      const now = opts.now();
      const due = await claim(db, now, inQuietHours(now, cfg.quiet), size);
      if (due.length < size) {
        limiter.give(size - due.length);
        drained.abort();
      }
      if (!due.length) return;
      for (const g of groups(due, size)) {
        const gw = g[0].channel === 'sms' ? cfg.sms : cfg.wechat;
        if (!gw) {
          // No gateway configured for this channel: back to the queue, untouched, for when one is.
          await settleMany(db, g.map((d) => ({ id: d.id })), sql`state = 'queued', attempts = d.attempts - 1, due_at = ${iso(new Date(now.getTime() + 60_000))}::timestamptz`);
          continue;
        }
        await sendGroup(db, gw, cfg, g, opts.now(), r);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, cfg.concurrency) }, lane));
  for (const gw of [cfg.sms, cfg.wechat]) if (gw) await applyReceipts(db, gw, r);
  return r;
}
