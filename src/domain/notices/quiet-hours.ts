// Quiet hours (default 21:00–08:00 Asia/Shanghai, which has no DST): a
// message due inside them waits until they end; urgent ones go at once.
export type QuietHours = { startMinute: number; endMinute: number };

export const DEFAULT_QUIET_HOURS: QuietHours = { startMinute: 21 * 60, endMinute: 8 * 60 };

const SHANGHAI_MS = 8 * 3600_000;

/** Minute of the day in Shanghai. */
export function shanghaiMinute(at: Date): number {
  const d = new Date(at.getTime() + SHANGHAI_MS);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
}

export function inQuietHours(at: Date, q: QuietHours = DEFAULT_QUIET_HOURS): boolean {
  const m = shanghaiMinute(at);
  return q.startMinute > q.endMinute ? m >= q.startMinute || m < q.endMinute : m >= q.startMinute && m < q.endMinute;
}

/** The first moment at or after `at` outside quiet hours (`at` itself for urgent notices). */
export function nextSendTime(at: Date, urgent: boolean, q: QuietHours = DEFAULT_QUIET_HOURS): Date {
  if (urgent || !inQuietHours(at, q)) return at;
  const m = shanghaiMinute(at);
  const wait = (q.endMinute - m + 1440) % 1440;
  const t = new Date(at.getTime() + wait * 60_000);
  t.setUTCSeconds(0, 0);
  return t;
}

/** Retry delay after the n-th failed attempt (1-based): 30 s doubling, at most an hour. */
export function retryDelaySeconds(attempt: number): number {
  return retryDelayFrom(30, attempt);
}

/** The same, from another first delay (configuration: a provider that records at once can be asked sooner). */
export function retryDelayFrom(firstSeconds: number, attempt: number): number {
  return Math.min(3600, firstSeconds * 2 ** Math.max(0, attempt - 1));
}
