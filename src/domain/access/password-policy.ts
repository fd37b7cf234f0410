// What a new password must be (decision 0860): long enough to resist guessing
// when the hash leaks, and not one of the passwords people try first. Every
// rule it breaks is named, so the form can say all of them at once.
import { PASSWORD_MIN_LENGTH } from '../../shared/auth.js';

export type PasswordPolicyCode =
  | 'password_too_short'
  | 'password_all_digits'
  | 'password_one_character'
  | 'password_same_as_username'
  | 'password_same_as_current'
  | 'password_too_common';

// The ones tried first in the wild and on this system (the demo's pattern, the brand, keyboard runs), in lower case.
const COMMON = new Set([
  'password',
  'password1',
  'password123',
  'passw0rd',
  'qwertyui',
  'qwerty123',
  'qwer1234',
  'asdfghjk',
  'asdf1234',
  '1qaz2wsx',
  '1q2w3e4r',
  'abcd1234',
  'abc12345',
  'abc123456',
  'a1234567',
  'a12345678',
  'aa123456',
  'iloveyou',
  'woaini1314',
  'zhiyin123',
  'zhiyin2026',
  'admin123',
  'admin1234',
  'administrator',
  'retailer123',
  'abcdefgh',
]);

/** Code points, so that 8 Chinese characters count as 8. */
const length = (s: string) => [...s].length;

/** The rules `next` breaks, in the order a person would fix them; empty when it may be used. */
export function passwordPolicyIssues(next: string, ctx: { username: string; current: string }): PasswordPolicyCode[] {
  const issues: PasswordPolicyCode[] = [];
  const trimmed = next.trim();
  if (length(trimmed) < PASSWORD_MIN_LENGTH) issues.push('password_too_short');
  if (/^\d+$/.test(trimmed)) issues.push('password_all_digits');
  else if (trimmed.length > 0 && new Set(trimmed).size === 1) issues.push('password_one_character');
  const lower = trimmed.toLowerCase();
  if (lower === ctx.username.trim().toLowerCase()) issues.push('password_same_as_username');
  if (next === ctx.current) issues.push('password_same_as_current');
  if (COMMON.has(lower)) issues.push('password_too_common');
  return issues;
}
