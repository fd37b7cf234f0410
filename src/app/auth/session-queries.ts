import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { sessions, users } from '../../db/schema.js';
import type { Viewer } from '../../domain/access/viewer.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function findUserByUsername(db: Db, username: string) {
  const [u] = await db.select().from(users).where(and(eq(users.username, username), eq(users.active, true)));
  return u;
}

export async function createSession(db: Db, userId: number, now: Date, ttlHours: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + ttlHours * 3600_000),
  });
  return token;
}

export async function deleteSession(db: Db, token: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** The session's viewer and when the session expires, or undefined when it is unknown, expired or its user inactive. */
export async function findViewerBySession(db: Db, token: string, now: Date): Promise<{ viewer: Viewer; expiresAt: Date } | undefined> {
  const [row] = await db
    .select({
      userId: users.id,
      orgId: users.orgId,
      role: users.role,
      username: users.username,
      displayName: users.displayName,
      stationId: users.stationId,
      retailerId: users.retailerId,
      mustChangePassword: users.passwordChangeRequired,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now), eq(users.active, true)));
  if (!row) return undefined;
  const { expiresAt, ...viewer } = row;
  return { viewer, expiresAt };
}

/** The viewer of an active user, for work done on their behalf later (a job they started). */
export async function findViewerById(db: Db, userId: number): Promise<Viewer | undefined> {
  const [viewer] = await db
    .select({
      userId: users.id,
      orgId: users.orgId,
      role: users.role,
      username: users.username,
      displayName: users.displayName,
      stationId: users.stationId,
      retailerId: users.retailerId,
    })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true)));
  return viewer;
}

/** Ends every session of the user but the one holding `keepToken`; how many ended. */
export async function endOtherSessions(db: Db, userId: number, keepToken: string): Promise<number> {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, hashToken(keepToken))))
    .returning({ tokenHash: sessions.tokenHash });
  return ended.length;
}

/** Ends every session of the user (a password reset); how many ended. */
export async function endAllSessions(db: Db, userId: number): Promise<number> {
  const ended = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ tokenHash: sessions.tokenHash });
  return ended.length;
}

/** Whether the user must choose a new password before anything else (decision 0860). */
export async function isPasswordChangeRequired(db: Db, userId: number): Promise<boolean> {
  const [u] = await db.select({ required: users.passwordChangeRequired }).from(users).where(eq(users.id, userId));
  return u?.required ?? false;
}
