// The login throttle on shared counters (decision 0910, replacing the
// per-process memory of 0902): an attempt is counted against its username and
// its address by one upsert before the password is checked, so parallel
// attempts and several processes on one database all draw on the same count.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { retryAfterSeconds, throttleKeys, type AttemptCount, type ThrottleLimits } from '../../domain/access/login-throttle.js';

export type LoginThrottle = {
  /** Counts this attempt; the seconds to wait when it is refused, 0 when it may check the password. */
  claim: (username: string, ip: string, at: Date) => Promise<number>;
  /** A correct password: the account's count is cleared and the address gets its attempt back. */
  succeed: (username: string, ip: string) => Promise<void>;
};

/** Expired counters are deleted at most this often per process. */
const PRUNE_EVERY_MS = 60_000;

export function createLoginThrottle(db: Db, limits: ThrottleLimits): LoginThrottle {
  let prunedAt = -Infinity;
  const windowMs = limits.windowMs;

  async function prune(at: Date) {
    if (at.getTime() - prunedAt < PRUNE_EVERY_MS) return;
    prunedAt = at.getTime();
    // SKIP LOCKED: a row being counted right now is left for the next prune, and no login waits on one.
    await query(
      db,
      sql`delete from login_attempts where key in (
            select key from login_attempts where window_start <= ${at}::timestamptz - ${windowMs} * interval '1 millisecond'
            order by window_start limit 10000 for update skip locked)`,
    );
  }

  async function giveBack(...keys: string[]) {
    await query(db, sql`update login_attempts set attempts = greatest(attempts - 1, 0) where key in (${sql.join(keys.map((k) => sql`${k}`), sql`, `)})`);
  }

  return {
    async claim(username, ip, at) {
      await prune(at);
      const keys = throttleKeys(username, ip);
      // One statement, both rows locked in the same order (account, then address) by every caller.
      const counts = await query<AttemptCount>(
        db,
        sql`insert into login_attempts as a (key, window_start, attempts)
            values (${keys.account}, ${at}, 1), (${keys.address}, ${at}, 1)
            on conflict (key) do update set
              attempts = case when a.window_start <= ${at}::timestamptz - ${windowMs} * interval '1 millisecond' then 1 else a.attempts + 1 end,
              window_start = case when a.window_start <= ${at}::timestamptz - ${windowMs} * interval '1 millisecond' then ${at} else a.window_start end
            returning key, attempts, window_start as "windowStart"`,
      );
      const wait = retryAfterSeconds(
        counts.map((c) => ({ ...c, windowStart: new Date(c.windowStart) })),
        keys,
        limits,
        at,
      );
      // A refused attempt is not counted: hammering a locked account neither extends its lock nor uses up the
      // address's attempts (other people behind the same address keep theirs).
      if (wait > 0) await giveBack(keys.account, keys.address);
      return wait;
    },
    async succeed(username, ip) {
      const keys = throttleKeys(username, ip);
      await query(db, sql`delete from login_attempts where key = ${keys.account}`);
      await giveBack(keys.address);
    },
  };
}
