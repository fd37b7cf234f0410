import { describe, expect, it } from 'vitest';
import { followUpsOf, isOverdue } from './follow-ups.js';

const raisedAt = new Date('2026-11-24T02:00:00Z');
const form = { requests: '想多要两条芙蓉王', problems: '', suspectCounterfeit: false, counterfeitNote: '' };

describe('followUpsOf', () => {
  it("gives a key customer's request a phone callback due within the callback hours", () => {
    const [item] = followUpsOf(form, { keyCustomer: true, raisedAt, keyCallbackHours: 24, followUpHours: 72 });
    expect(item).toMatchObject({ kind: 'request', action: 'callback', keyCustomer: true });
    expect(item.dueAt.toISOString()).toBe('2026-11-25T02:00:00.000Z');
  });

  it('gives other requests the longer follow-up time, and raises problems and counterfeit suspicions', () => {
    const items = followUpsOf({ ...form, problems: '到货破损', suspectCounterfeit: true, counterfeitNote: '' }, { keyCustomer: false, raisedAt, keyCallbackHours: 24, followUpHours: 72 });
    expect(items.map((i) => [i.kind, i.action])).toEqual([
      ['request', 'resolve'],
      ['problem', 'resolve'],
      ['counterfeit', 'resolve'],
    ]);
    expect(items[0].dueAt.toISOString()).toBe('2026-11-27T02:00:00.000Z');
    expect(items[2].dueAt.toISOString()).toBe('2026-11-25T02:00:00.000Z');
  });

  it('raises nothing for an empty form', () => {
    expect(followUpsOf({ ...form, requests: '  ' }, { keyCustomer: true, raisedAt, keyCallbackHours: 24, followUpHours: 72 })).toEqual([]);
  });

  it('is overdue only while open and past due', () => {
    const dueAt = new Date('2026-11-25T02:00:00Z');
    expect(isOverdue({ status: 'open', dueAt }, new Date('2026-11-25T02:00:01Z'))).toBe(true);
    expect(isOverdue({ status: 'done', dueAt }, new Date('2026-11-26T00:00:00Z'))).toBe(false);
    expect(isOverdue({ status: 'open', dueAt }, new Date('2026-11-25T01:00:00Z'))).toBe(false);
  });
});
