// How often a retailer is visited and for how long: the first matching
// frequency rule, then the retailer's own override. A rule may name a service
// package (issue 5's segments): when the retailer has that package, the rule
// matches regardless of stars, so packages take over without changing this code.

export type FrequencyRule = {
  priority: number;
  label: string;
  servicePackage: string | null;
  starMin: number;
  starMax: number;
  classPrefix: string | null;
  visitsPerCycle: number;
  serviceMinutes: number;
  keyCustomer: boolean;
};

export type VisitOverride = {
  visitsPerCycle: number | null;
  serviceMinutes: number | null;
  keyCustomer: boolean | null;
  opensAt: number | null;
  closesAt: number | null;
};

export type PolicyRetailer = {
  star: number;
  classCode: string;
  businessFormat: string;
  /** The retailer's service package once segments exist; null until then. */
  servicePackage: string | null;
};

export type VisitPolicy = {
  visitsPerCycle: number;
  serviceMinutes: number;
  keyCustomer: boolean;
  opensAt: number;
  closesAt: number;
  rule: string;
};

/** Weekly for 5 stars and 超五星 (key customers), fortnightly for 3–4 stars, monthly for the rest (four-week cycle). */
export const DEFAULT_FREQUENCY_RULES: FrequencyRule[] = [
  { priority: 10, label: '五星及超五星 每周', servicePackage: null, starMin: 5, starMax: 6, classPrefix: null, visitsPerCycle: 4, serviceMinutes: 20, keyCustomer: true },
  { priority: 20, label: '三至四星 每两周', servicePackage: null, starMin: 3, starMax: 4, classPrefix: null, visitsPerCycle: 2, serviceMinutes: 15, keyCustomer: false },
  { priority: 30, label: '其他 每月', servicePackage: null, starMin: 0, starMax: 6, classPrefix: null, visitsPerCycle: 1, serviceMinutes: 12, keyCustomer: false },
];

/** Usual opening hours by business format, minutes since midnight. */
export function defaultOpeningHours(businessFormat: string): { opensAt: number; closesAt: number } {
  switch (businessFormat) {
    case 'F': // entertainment venues open in the afternoon
      return { opensAt: 13 * 60, closesAt: 23 * 60 };
    case 'S':
    case 'N':
      return { opensAt: 8 * 60 + 30, closesAt: 21 * 60 + 30 };
    default:
      return { opensAt: 7 * 60 + 30, closesAt: 21 * 60 };
  }
}

export function ruleMatches(rule: FrequencyRule, r: PolicyRetailer): boolean {
  if (rule.servicePackage !== null) return r.servicePackage === rule.servicePackage;
  if (r.star < rule.starMin || r.star > rule.starMax) return false;
  return rule.classPrefix === null || r.classCode.startsWith(rule.classPrefix);
}

export function resolveVisitPolicy(r: PolicyRetailer, rules: readonly FrequencyRule[], override: VisitOverride | null): VisitPolicy {
  const sorted = [...rules].sort((a, b) => a.priority - b.priority);
  const rule = sorted.find((x) => ruleMatches(x, r));
  const hours = defaultOpeningHours(r.businessFormat);
  return {
    visitsPerCycle: override?.visitsPerCycle ?? rule?.visitsPerCycle ?? 1,
    serviceMinutes: override?.serviceMinutes ?? rule?.serviceMinutes ?? 15,
    keyCustomer: override?.keyCustomer ?? rule?.keyCustomer ?? false,
    opensAt: override?.opensAt ?? hours.opensAt,
    closesAt: override?.closesAt ?? hours.closesAt,
    rule: override?.visitsPerCycle != null ? 'override' : (rule?.label ?? 'default'),
  };
}
