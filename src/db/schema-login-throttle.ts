// Login attempt counters (decision 0910): one row per username and per client
// address, shared by every process on the database (API processes, `npm run
// worker`), so the throttle of decision 0902 holds however many run.
// Infrastructure: counted before any org is known; a row expires with its window.
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const loginAttempts = pgTable(
  'login_attempts',
  {
    /** 'u:' + lower-cased username, or 'ip:' + client address. */
    key: text('key').primaryKey(),
    /** The first attempt of the current window; the window ends windowMs later. */
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    /** Attempts in the window, less those refused and those that gave the right password. */
    attempts: integer('attempts').notNull(),
  },
  (t) => [index('login_attempts_window').on(t.windowStart)],
);
