import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME as S } from './default-scheme.js';
import { validateManualTierChange } from './manual-tier-change.js';

const change = { retailerId: 'R1', month: '2026-10', fromTier: 12, toTier: 14, reason: '', changedBy: 'u7' };

describe('manual tier change', () => {
  it('requires a reason', () => {
    const r = validateManualTierChange({ ...change, reason: '   ' }, S);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual([expect.objectContaining({ code: 'manual_tier_reason_required', field: 'reason' })]);
      expect(r.errors[0].message.zh).toContain('原因');
    }
  });

  it('accepts a reason and stamps the scheme version', () => {
    const r = validateManualTierChange({ ...change, reason: ' 台风受灾，经营中断两周 ' }, S);
    expect(r).toEqual({ ok: true, value: { ...change, reason: '台风受灾，经营中断两周', schemeVersion: S.version } });
  });

  it('refuses a tier out of range or unchanged, reporting every problem', () => {
    const r = validateManualTierChange({ ...change, toTier: 31 }, S);
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(['manual_tier_out_of_range', 'manual_tier_reason_required']);
    const same = validateManualTierChange({ ...change, toTier: 12, reason: '复核无误维持' }, S);
    expect(same.ok ? [] : same.errors.map((e) => e.code)).toEqual(['manual_tier_unchanged']);
  });

  it('refuses any change when the scheme forbids it', () => {
    const r = validateManualTierChange({ ...change, reason: '领导要求调整' }, { ...S, tiers: { ...S.tiers, manualOverride: 'forbidden' } });
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(['manual_tier_forbidden']);
  });
});
