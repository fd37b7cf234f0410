// Failed-login throttle (decision 0902): failures are counted per account and
// per client address over a sliding window; past the limit a login answers 429
// with Retry-After, even with the right password, until the window frees.
// State lives in memory per process (no schema change): a restart forgets it,
// and several processes each count their own.

export type ThrottleLimits = {
  /** Failures of one username within the window before it is refused. */
  perAccount: number;
  /** Failures from one address within the window before it is refused. */
  perIp: number;
  windowMs: number;
};

export const DEFAULT_THROTTLE: ThrottleLimits = { perAccount: 5, perIp: 30, windowMs: 15 * 60_000 };

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly limits: ThrottleLimits = DEFAULT_THROTTLE,
    private readonly maxKeys = 50_000,
  ) {}

  private keys(username: string, ip: string) {
    return [
      { key: `u:${username.toLowerCase()}`, limit: this.limits.perAccount },
      { key: `ip:${ip}`, limit: this.limits.perIp },
    ];
  }

  private recent(key: string, at: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => t > at - this.limits.windowMs);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds until this username may try again from this address; 0 when it may now. */
  retryAfter(username: string, ip: string, at: number): number {
    let wait = 0;
    for (const { key, limit } of this.keys(username, ip)) {
      const list = this.recent(key, at);
      if (list.length >= limit) wait = Math.max(wait, list[list.length - limit]! + this.limits.windowMs - at);
    }
    return Math.ceil(wait / 1000);
  }

  fail(username: string, ip: string, at: number) {
    for (const { key } of this.keys(username, ip)) {
      const list = this.recent(key, at);
      list.push(at);
      this.failures.delete(key); // re-insert: the map's order is least recently failed first
      this.failures.set(key, list);
    }
    // Bounded memory under a spray of usernames or addresses: forget the stalest.
    while (this.failures.size > this.maxKeys) this.failures.delete(this.failures.keys().next().value!);
  }

  /** A correct password clears the account's count (not the address's). */
  succeed(username: string) {
    this.failures.delete(`u:${username.toLowerCase()}`);
  }
}
