// The login throttle's rule (decisions 0902, 0910): every attempt is counted
// against its username and its client address before the password is checked,
// in a window that starts with the first attempt and lasts windowMs; past
// either limit the attempt is refused (and not counted) until that window
// ends, even with the right password. A correct password clears the account's
// count and gives the address its attempt back. The counts live in the database (shared by every
// process); this file only says what they mean.

export type ThrottleLimits = {
  /** Attempts on one username within the window before it is refused. */
  perAccount: number;
  /** Attempts from one address within the window before it is refused. */
  perIp: number;
  windowMs: number;
};

export const DEFAULT_THROTTLE: ThrottleLimits = { perAccount: 5, perIp: 30, windowMs: 15 * 60_000 };

export type ThrottleKeys = { account: string; address: string };

/** The counter keys of one attempt: the username in lower case (as it is looked up) and the address. */
export function throttleKeys(username: string, ip: string): ThrottleKeys {
  return { account: `u:${username.trim().toLowerCase()}`, address: `ip:${ip}` };
}

export type AttemptCount = { key: string; attempts: number; windowStart: Date };

/**
 * Seconds until an attempt may go through, from the counts after this attempt
 * was added (0: it may go now). At least 1 when refused.
 */
export function retryAfterSeconds(counts: AttemptCount[], keys: ThrottleKeys, limits: ThrottleLimits, at: Date): number {
  let waitMs = 0;
  for (const c of counts) {
    const limit = c.key === keys.account ? limits.perAccount : c.key === keys.address ? limits.perIp : Infinity;
    if (c.attempts > limit) waitMs = Math.max(waitMs, c.windowStart.getTime() + limits.windowMs - at.getTime(), 1);
  }
  return Math.ceil(waitMs / 1000);
}
