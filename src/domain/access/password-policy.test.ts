import { describe, expect, it } from 'vitest';
import { passwordPolicyIssues } from './password-policy.js';

const ctx = { username: '430281990001', current: 'k7mp2xwq9a' };

describe('password policy', () => {
  it('takes a long, unusual password', () => {
    expect(passwordPolicyIssues('枫林路66号小卖部', ctx)).toEqual([]);
    expect(passwordPolicyIssues('blue-kettle-7', ctx)).toEqual([]);
  });

  it('names every rule a password breaks', () => {
    expect(passwordPolicyIssues('1234567', ctx)).toEqual(['password_too_short', 'password_all_digits']);
    expect(passwordPolicyIssues('12345678', ctx)).toEqual(['password_all_digits']);
    expect(passwordPolicyIssues('aaaaaaaaaa', ctx)).toEqual(['password_one_character']);
    expect(passwordPolicyIssues('430281990001', ctx)).toEqual(['password_all_digits', 'password_same_as_username']);
    expect(passwordPolicyIssues('k7mp2xwq9a', ctx)).toEqual(['password_same_as_current']);
    expect(passwordPolicyIssues('Password1', ctx)).toEqual(['password_too_common']);
  });

  it('counts characters, not UTF-16 units, and ignores surrounding spaces for the length', () => {
    expect(passwordPolicyIssues('新店开张大吉大利', ctx)).toEqual([]);
    expect(passwordPolicyIssues('  abc12  ', ctx)).toEqual(['password_too_short']);
    expect(passwordPolicyIssues('        ', ctx)).toEqual(['password_too_short']);
  });

  it('compares the username without case', () => {
    expect(passwordPolicyIssues('Station-One', { username: 'station-one', current: 'x' })).toEqual(['password_same_as_username']);
  });
});
