// The SMS link: /s/<round>.<shop>.<nonce>.<signature>, signed with the round's
// secret (HMAC-SHA256); the sample row keeps the link's sha256, so a link
// works once, and a new invitation replaces the old link (decision 1705).
// Invitations go out through the notices feature: a notice per shop in the
// inbox, and its SMS delivery at once.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { insertNotices, queueDeliveriesFor, type NoticeInsert } from '../../db/notice-writes.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { renderWith } from '../../domain/notices/templates.js';
import { templateInForce } from '../notices/template-store.js';
import { requestDispatch } from '../../jobs/notices/notice-jobs.js';
import { AppError } from '../../shared/app-error.js';
import type { Answers, QuestionnaireDef } from '../../shared/surveys.js';
import { writeAudit } from '../audit/audit.js';
import { recordAnswer } from './record-answer.js';

const TOKEN = /^(\d{1,10})\.(\d{1,10})\.([A-Za-z0-9_-]{12})\.([A-Za-z0-9_-]{22})$/;

function sign(secret: string, orgId: number, roundId: number, retailerId: number, nonce: string): string {
  return createHmac('sha256', secret).update(`${orgId}.${roundId}.${retailerId}.${nonce}`).digest('base64url').slice(0, 22);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function makeToken(secret: string, orgId: number, roundId: number, retailerId: number): string {
  const nonce = randomBytes(9).toString('base64url');
  return `${roundId}.${retailerId}.${nonce}.${sign(secret, orgId, roundId, retailerId, nonce)}`;
}

type Opened = { orgId: number; roundId: number; retailerId: number; tokenHash: string; roundName: string; shopName: string; definition: QuestionnaireDef; answeredAt: string | null; status: string };

/** The shop and round a link stands for; a malformed, forged or replaced link is `survey_link_invalid` (404), a used one `survey_link_used`. */
export async function openLink(db: Db, token: string): Promise<Opened> {
  const m = TOKEN.exec(token);
  if (!m) throw new AppError('survey_link_invalid');
  const [roundId, retailerId] = [Number(m[1]), Number(m[2])];
  if (roundId > 2_147_483_647 || retailerId > 2_147_483_647) throw new AppError('survey_link_invalid');
  const [row] = await query<Opened & { secret: string }>(
    db,
    sql`select ro.org_id as "orgId", ro.id as "roundId", s.retailer_id as "retailerId", s.token_hash as "tokenHash", ro.name as "roundName", r.shop_name as "shopName",
        q.definition, s.answered_at as "answeredAt", ro.status, ro.link_secret as secret
      from survey_sample s
      join survey_rounds ro on ro.org_id = s.org_id and ro.id = s.round_id
      join survey_questionnaires q on q.org_id = ro.org_id and q.id = ro.questionnaire_id
      join retailers r on r.id = s.retailer_id and r.org_id = s.org_id
      where s.round_id = ${roundId} and s.retailer_id = ${retailerId}`,
  );
  if (!row || !row.tokenHash) throw new AppError('survey_link_invalid');
  const expected = Buffer.from(sign(row.secret, row.orgId, roundId, retailerId, m[3]));
  const given = Buffer.from(m[4]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given) || hashToken(token) !== row.tokenHash) throw new AppError('survey_link_invalid');
  if (row.answeredAt) throw new AppError('survey_link_used');
  if (row.status !== 'open') throw new AppError('survey_round_closed');
  const { secret: _secret, ...opened } = row;
  return opened;
}

export async function answerByLink(db: Db, token: string, answers: Answers, now: Date) {
  const o = await openLink(db, token);
  return recordAnswer(db, { kind: 'link', tokenHash: o.tokenHash }, { orgId: o.orgId, roundId: o.roundId, retailerId: o.retailerId, channel: 'sms', answers }, now);
}

/** Text the sampled shops that have neither answered nor been invited (or the ones named) a link; returns how many. */
export async function sendInvitations(db: Db, viewer: Viewer, roundId: number, retailerIds: number[] | undefined, linkBase: string, now: Date) {
  const result = await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [round] = await query<{ status: string; secret: string; name: string }>(
      tx,
      sql`select status, link_secret as secret, name from survey_rounds where org_id = ${viewer.orgId} and id = ${roundId} for update`,
    );
    if (!round) throw new AppError('not_found');
    if (round.status !== 'open') throw new AppError('survey_round_closed');
    const targets = await query<{ retailerId: number; shopName: string }>(
      tx,
      sql`select s.retailer_id as "retailerId", r.shop_name as "shopName" from survey_sample s join retailers r on r.org_id = s.org_id and r.id = s.retailer_id
        where s.org_id = ${viewer.orgId} and s.round_id = ${roundId} and s.answered_at is null
          ${retailerIds ? sql`and s.retailer_id = any(${`{${retailerIds.join(',')}}`}::int[])` : sql`and s.invited_at is null`}
        order by s.retailer_id`,
    );
    const links = targets.map((x) => ({ ...x, token: makeToken(round.secret, viewer.orgId, roundId, x.retailerId) }));
    await tx.execute(sql`update survey_sample s set token_hash = x.h, invited_at = ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(links.map((l) => ({ r: l.retailerId, h: hashToken(l.token) })))}::jsonb) as x(r int, h text)
      where s.org_id = ${viewer.orgId} and s.round_id = ${roundId} and s.retailer_id = x.r`);
    const template = await templateInForce(tx, viewer.orgId, 'survey_invite');
    const items: NoticeInsert[] = links.map((l) => {
      const link = `${linkBase}/s/${l.token}`;
      const r = renderWith(template, { shopName: l.shopName, roundName: round.name, link });
      return {
        orgId: viewer.orgId, retailerId: l.retailerId, userId: null, template: 'survey_invite', templateVersion: template.version,
        occasion: `survey:${roundId}:${now.getTime()}`, dedupeKey: `survey:${roundId}:${l.retailerId}:${now.getTime()}`,
        title: r.title, body: r.body, smsText: r.sms, params: { roundId, link }, visibleAt: now, fallbackAt: null, createdBy: viewer.userId,
      };
    });
    const ids = await insertNotices(tx, items, now);
    const deliveries = await queueDeliveriesFor(tx, ids, now);
    await writeAudit(tx, viewer, { action: 'submit', entity: 'survey_round', entityIds: [roundId], detail: { op: 'invite', invited: links.length, deliveries } }, now);
    return { invited: links.length, deliveries };
  });
  if (result.deliveries > 0) await requestDispatch(db);
  return result;
}
