// Rewards for valid complaints (为有效客户投诉提供适当的馈赠): a station head
// or the county proposes one on a complaint found valid, the county approves
// or rejects it, and someone records it given. The ledger lists them all.
import { and, eq, sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { caseScope } from '../../db/desk-scope.js';
import { deskCaseEvents, deskCases, deskRewards } from '../../db/schema-desk.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import type { REWARD_KINDS } from '../../shared/desk.js';
import { writeAudit } from '../audit/audit.js';

export async function proposeReward(db: Db, viewer: Viewer, caseId: number, input: { kind: (typeof REWARD_KINDS)[number]; description: string; amount: number }, now: Date) {
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [found] = await query<{ id: number }>(tx, sql`select c.id from desk_cases c where c.id = ${caseId} and ${caseScope(viewer)}`);
    if (!found) throw new AppError('not_found');
    const [c] = await tx.select().from(deskCases).where(eq(deskCases.id, caseId));
    if (c.kind !== 'complaint' || c.valid !== true) throw new AppError('desk_reward_not_valid');
    const [row] = await tx
      .insert(deskRewards)
      .values({ orgId: viewer.orgId, caseId, retailerId: c.retailerId, kind: input.kind, description: input.description, amount: input.amount, proposedBy: viewer.userId, proposedAt: now })
      .returning({ id: deskRewards.id });
    await tx.insert(deskCaseEvents).values({ orgId: viewer.orgId, caseId, type: 'reward', byUserId: viewer.userId, text: input.description, detail: { kind: input.kind, amount: input.amount, status: 'proposed' }, at: now });
    await writeAudit(tx, viewer, { action: 'update', entity: 'desk_reward', entityIds: [row.id], detail: { op: 'propose', caseId } }, now);
    return { ok: true };
  });
}

export async function moveReward(db: Db, viewer: Viewer, id: number, to: 'approved' | 'rejected' | 'given', now: Date) {
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const from = to === 'given' ? 'approved' : 'proposed';
    const patch = to === 'given' ? { status: to, givenBy: viewer.userId, givenAt: now } : { status: to, decidedBy: viewer.userId, decidedAt: now };
    const [row] = await tx
      .update(deskRewards)
      .set(patch)
      .where(and(eq(deskRewards.id, id), eq(deskRewards.orgId, viewer.orgId), eq(deskRewards.status, from)))
      .returning({ id: deskRewards.id, caseId: deskRewards.caseId });
    if (!row) {
      const [exists] = await query<{ id: number }>(tx, sql`select id from desk_rewards where id = ${id} and org_id = ${viewer.orgId}`);
      throw new AppError(exists ? 'desk_wrong_state' : 'not_found');
    }
    await tx.insert(deskCaseEvents).values({ orgId: viewer.orgId, caseId: row.caseId, type: 'reward', byUserId: viewer.userId, text: '', detail: { status: to, rewardId: id }, at: now });
    await writeAudit(tx, viewer, { action: 'update', entity: 'desk_reward', entityIds: [id], detail: { op: to } }, now);
    return { ok: true };
  });
}

export async function findRewards(db: Db, viewer: Viewer) {
  return query<{ id: number; caseId: number; retailerId: number; shopName: string; kind: string; description: string; amount: number; status: string; proposedAt: string; decidedAt: string | null; givenAt: string | null }>(
    db,
    sql`select w.id, w.case_id as "caseId", w.retailer_id as "retailerId", r.shop_name as "shopName", w.kind, w.description, w.amount, w.status,
        w.proposed_at as "proposedAt", w.decided_at as "decidedAt", w.given_at as "givenAt"
      from desk_rewards w join desk_cases c on c.org_id = w.org_id and c.id = w.case_id join retailers r on r.org_id = w.org_id and r.id = w.retailer_id where ${caseScope(viewer)} order by w.proposed_at desc limit 500`,
  );
}
