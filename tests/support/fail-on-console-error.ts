// `console.error` during a test fails it: an error nobody expected must not
// scroll past in a green run. Errors a test provokes on purpose are silenced
// where they are logged, not here. Output is still shown as it happens.
import { afterAll, afterEach } from 'vitest';

// Installed once per process: without isolation (vitest.config.ts) the files
// of a project share a process and this file runs again before each of them.
const state = ((globalThis as { __zyConsoleErrors?: { seen: string[] } }).__zyConsoleErrors ??= (() => {
  const s = { seen: [] as string[] };
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    s.seen.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' '));
    original(...args);
  };
  return s;
})());
const seen = state.seen;

function check(when: string) {
  if (seen.length === 0) return;
  const messages = seen.splice(0);
  throw new Error(`console.error was called ${when}:\n${messages.map((m) => `  - ${m.slice(0, 2000)}`).join('\n')}`);
}

afterEach(() => check('during this test (or the hooks before it)'));
afterAll(() => check('in an afterAll hook'));
