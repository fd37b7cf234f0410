// Who is behind a session token, remembered for a few seconds so that a burst
// of requests (a call-centre search as the agent types, an order-day burst)
// does not look the session up in the database on every request. Logging out
// through this process forgets the token at once; anything else that ends a
// session (expiry, another process's logout or password change) takes effect within the TTL.
import type { Viewer } from '../../domain/access/viewer.js';

type Entry = { viewer: Viewer; sessionExpiresAt: number; cachedUntil: number };

export class ViewerCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 10_000,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** The cached viewer, if the entry is fresh and the session has not expired by `now`. */
  get(token: string, now: Date): Viewer | undefined {
    const e = this.entries.get(token);
    if (!e) return undefined;
    if (e.cachedUntil <= this.clock() || e.sessionExpiresAt <= now.getTime()) {
      this.entries.delete(token);
      return undefined;
    }
    return e.viewer;
  }

  set(token: string, viewer: Viewer, sessionExpiresAt: Date) {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) {
      // Oldest first (Map keeps insertion order): drop a tenth to make room.
      let drop = Math.ceil(this.maxEntries / 10);
      for (const k of this.entries.keys()) {
        if (drop-- <= 0) break;
        this.entries.delete(k);
      }
    }
    this.entries.set(token, { viewer, sessionExpiresAt: sessionExpiresAt.getTime(), cachedUntil: this.clock() + this.ttlMs });
  }

  forget(token: string) {
    this.entries.delete(token);
  }

  /** Forgets every cached session of the user but `keepToken` (a password change ended them). */
  forgetUser(userId: number, keepToken?: string) {
    for (const [token, e] of this.entries) if (e.viewer.userId === userId && token !== keepToken) this.entries.delete(token);
  }
}
