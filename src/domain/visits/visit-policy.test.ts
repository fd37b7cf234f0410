import { describe, expect, it } from 'vitest';
import { DEFAULT_FREQUENCY_RULES, resolveVisitPolicy, type FrequencyRule } from './visit-policy.js';

const shop = (star: number, extra: Partial<{ classCode: string; servicePackage: string | null; businessFormat: string }> = {}) => ({
  star,
  classCode: extra.classCode ?? 'CZ2',
  businessFormat: extra.businessFormat ?? 'Z',
  servicePackage: extra.servicePackage ?? null,
});

describe('resolveVisitPolicy', () => {
  it('visits five-star and 超五星 weekly as key customers, 3–4 stars fortnightly, the rest monthly', () => {
    expect(resolveVisitPolicy(shop(6), DEFAULT_FREQUENCY_RULES, null)).toMatchObject({ visitsPerCycle: 4, keyCustomer: true });
    expect(resolveVisitPolicy(shop(5), DEFAULT_FREQUENCY_RULES, null)).toMatchObject({ visitsPerCycle: 4, keyCustomer: true });
    expect(resolveVisitPolicy(shop(4), DEFAULT_FREQUENCY_RULES, null)).toMatchObject({ visitsPerCycle: 2, keyCustomer: false });
    expect(resolveVisitPolicy(shop(3), DEFAULT_FREQUENCY_RULES, null).visitsPerCycle).toBe(2);
    expect(resolveVisitPolicy(shop(2), DEFAULT_FREQUENCY_RULES, null).visitsPerCycle).toBe(1);
    expect(resolveVisitPolicy(shop(0), DEFAULT_FREQUENCY_RULES, null).visitsPerCycle).toBe(1);
  });

  it('lets a retailer override frequency, key status and hours, keeping the rest from the rule', () => {
    const p = resolveVisitPolicy(shop(2), DEFAULT_FREQUENCY_RULES, { visitsPerCycle: 4, serviceMinutes: null, keyCustomer: true, opensAt: 600, closesAt: null });
    expect(p).toMatchObject({ visitsPerCycle: 4, keyCustomer: true, opensAt: 600, rule: 'override', serviceMinutes: 12 });
    expect(p.closesAt).toBe(21 * 60);
  });

  it('matches a service-package rule before star rules, and class prefixes', () => {
    const rules: FrequencyRule[] = [
      { priority: 1, label: '紧密型', servicePackage: 'close', starMin: 0, starMax: 6, classPrefix: null, visitsPerCycle: 4, serviceMinutes: 25, keyCustomer: true },
      { priority: 2, label: '城网大户', servicePackage: null, starMin: 0, starMax: 6, classPrefix: 'C', visitsPerCycle: 2, serviceMinutes: 15, keyCustomer: false },
      ...DEFAULT_FREQUENCY_RULES,
    ];
    expect(resolveVisitPolicy(shop(1, { servicePackage: 'close', classCode: 'XZ3' }), rules, null)).toMatchObject({ visitsPerCycle: 4, rule: '紧密型' });
    expect(resolveVisitPolicy(shop(1, { classCode: 'CZ3' }), rules, null).rule).toBe('城网大户');
    expect(resolveVisitPolicy(shop(1, { classCode: 'XZ3' }), rules, null).visitsPerCycle).toBe(1);
  });

  it('opens entertainment venues in the afternoon', () => {
    expect(resolveVisitPolicy(shop(3, { businessFormat: 'F' }), DEFAULT_FREQUENCY_RULES, null).opensAt).toBe(13 * 60);
  });
});
