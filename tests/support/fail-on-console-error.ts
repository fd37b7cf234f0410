// `console.error` during a test fails it: an error nobody expected must not
// scroll past in a green run. Errors a test provokes on purpose are silenced
// where they are logged, not here. Output is still shown as it happens.
import { afterAll, afterEach } from 'vitest';

const seen: string[] = [];
const original = console.error.bind(console);
console.error = (...args: unknown[]) => {
  seen.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' '));
  original(...args);
};

function check(when: string) {
  if (seen.length === 0) return;
  const messages = seen.splice(0);
  throw new Error(`console.error was called ${when}:\n${messages.map((m) => `  - ${m.slice(0, 2000)}`).join('\n')}`);
}

afterEach(() => check('during this test (or the hooks before it)'));
afterAll(() => check('in an afterAll hook'));
