import { describe, expect, it } from 'vitest';
import { explainLimit } from './explain-limit.js';

const base = { productName: '芙蓉王(硬)', supplyQty: 1200, tier: 18, market: 'urban' as const, quota: 6, cap: 9, limit: 6, lowestServedTier: 5, urbanWeight: 1.4, ruralWeight: 0.7 };

describe('explainLimit', () => {
  it('states the tier quota and the market lean', () => {
    const r = explainLimit(base);
    expect(r.zh).toContain('第 18 档、城网，该档每户限 6 条');
    expect(r.zh).toContain('向城网倾斜');
    expect(r.en).toContain('6 cartons per shop');
  });
  it('says when the limit is cut to what the shop sells', () => {
    const r = explainLimit({ ...base, cap: 3, limit: 3 });
    expect(r.zh).toContain('单周最多能销 3 条');
    expect(r.en).toContain('your limit is 3');
  });
  it('names the lowest tier served when the shop gets none', () => {
    const r = explainLimit({ ...base, tier: 2, quota: 0, limit: 0, weekStart: '2026-11-30' });
    expect(r.zh).toContain('只投放到第 5 档及以上；您是第 2 档');
    // Says the week, and that the limit is 0, not that there is "no limit" (issue 14, item 13).
    expect(r.zh).toMatch(/^第49周 11月30日–12月6日「芙蓉王\(硬\)」/);
    expect(r.zh).toContain('您的限量为 0 条');
    expect(r.zh).not.toContain('暂无限量');
    expect(r.en).toContain('In Week 49, 30 Nov–6 Dec');
  });
  it('says when one more carton came from the remainder by the shop’s service package', () => {
    const r = explainLimit({ ...base, limit: 7, extra: 1, extraSegment: 'close' });
    expect(r.zh).toContain('该档每户限 6 条');
    expect(r.zh).toContain('您是紧密型客户，多投 1 条，限量 7 条');
    expect(r.en).toContain('as a Close customer you get 1 more, limit 7');
    const none = explainLimit({ ...base, tier: 2, quota: 0, limit: 1, extra: 1, extraSegment: null });
    expect(none.zh).toContain('该档这一周不够每户都分');
    expect(none.zh).toContain('您多投 1 条，限量 1 条');
    expect(none.zh).not.toContain('暂无限量');
  });
});
