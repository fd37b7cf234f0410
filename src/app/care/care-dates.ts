// The branch's calendar day (Asia/Shanghai, UTC+8) and month of an instant.
export function localDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
