// Weeks as the order cycle counts them: Monday to Sunday, named by Monday's date.

/** The Monday on or before a YYYY-MM-DD date. */
export function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86400_000).toISOString().slice(0, 10);
}

export function addWeeks(monday: string, weeks: number): string {
  return new Date(new Date(`${monday}T00:00:00Z`).getTime() + weeks * 7 * 86400_000).toISOString().slice(0, 10);
}
