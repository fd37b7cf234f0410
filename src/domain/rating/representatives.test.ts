import { describe, expect, it } from 'vitest';
import { rankCandidates, representativeCap, representativeScore, reviewSuggestion, validateCapPct, type RepresentativeCandidate } from './representatives.js';

const cand = (over: Partial<RepresentativeCandidate> = {}): RepresentativeCandidate => ({
  retailerId: '1',
  complianceClass: 'A',
  tierScore: 50,
  class1SharePct: 15,
  brands: 20,
  storeImage: 'B',
  continuity: 0.9,
  cooperationMet: 2,
  star: 4,
  ...over,
});

describe('customer representatives', () => {
  it('scores the six criteria, hand-checked', () => {
    // 25 + 12.5 + 15×(0.25+0.25) + 15×0.7 + 9 + 10×2/3 = 25 + 12.5 + 7.5 + 10.5 + 9 + 6.67
    const s = representativeScore(cand());
    expect(s.parts).toEqual({ compliance: 25, scale: 12.5, brandStructure: 7.5, storeImage: 10.5, loyalty: 9, cooperation: 6.67 });
    expect(s.score).toBe(71.17);
  });

  it('ranks eligible shops first, best score first, ties by id; W or under three stars are not eligible', () => {
    const r = rankCandidates([
      cand({ retailerId: '3', tierScore: 90, complianceClass: 'W' }),
      cand({ retailerId: '2' }),
      cand({ retailerId: '1' }),
      cand({ retailerId: '4', tierScore: 80 }),
      cand({ retailerId: '5', tierScore: 100, star: 2 }),
    ]);
    expect(r.map((c) => c.retailerId)).toEqual(['4', '1', '2', '5', '3']);
    expect(r.map((c) => c.eligible)).toEqual([true, true, true, false, false]);
    expect(r[0].rank).toBe(1);
  });

  it('caps at 5% by default and never above 20%', () => {
    expect(representativeCap(300, 5)).toBe(15);
    expect(representativeCap(300, 50)).toBe(60);
    expect(representativeCap(10, 5)).toBe(1);
    expect(validateCapPct(5)).toBeNull();
    expect(validateCapPct(20)).toBeNull();
    expect(validateCapPct(20.5)?.zh).toContain('不超过 20%');
    expect(validateCapPct(0)).not.toBeNull();
  });

  it('suggests demotion with reasons', () => {
    expect(reviewSuggestion(cand()).outcome).toBe('keep');
    const s = reviewSuggestion(cand({ complianceClass: 'C', star: 2 }));
    expect(s.outcome).toBe('demote');
    expect(s.reasons.map((r) => r.zh)).toEqual(['诚信等级为 C 类', '星级降至 2 星']);
  });
});
