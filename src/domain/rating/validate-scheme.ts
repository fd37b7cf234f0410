// Refuse a bad scheme with errors a county manager can act on: weights that
// do not sum, overlapping bands, shares not summing to 100%.
import { say } from './messages.js';
import type { NumericBand, RatingScheme } from './scheme.js';
import type { Text } from './types.js';

export interface SchemeError {
  path: string;
  code: 'scheme_sum' | 'scheme_bands_order' | 'scheme_item_max' | 'scheme_cutoffs' | 'scheme_negative' | 'scheme_rules_fallback' | 'scheme_duplicate_item' | 'scheme_range';
  message: Text;
}

const TOLERANCE = 1e-6;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const fmt = (x: number) => String(Math.round(x * 1000) / 1000);

export function validateScheme(scheme: RatingScheme): SchemeError[] {
  const errors: SchemeError[] = [];
  const checkSum = (path: string, xs: readonly number[], expected: number) => {
    const actual = sum(xs);
    if (Math.abs(actual - expected) > TOLERANCE) {
      errors.push({ path, code: 'scheme_sum', message: say('scheme_sum', { what: path, expected, actual: fmt(actual) }) });
    }
    if (xs.some((x) => !(x >= 0))) errors.push({ path, code: 'scheme_negative', message: say('scheme_negative', { what: path }) });
  };
  const checkBands = (path: string, bands: readonly NumericBand[], floor: number) => {
    let ok = bands.length > 0;
    for (let i = 1; i < bands.length; i++) {
      if (!(bands[i].min < bands[i - 1].min) || bands[i].points > bands[i - 1].points) ok = false;
    }
    if (bands.length > 0 && floor > bands[bands.length - 1].points) ok = false;
    if (!ok) errors.push({ path, code: 'scheme_bands_order', message: say('scheme_bands_order', { what: path }) });
  };

  checkSum('classification.scaleShares', scheme.classification.scaleShares, 100);
  checkSum('classification.volumeWeight+valueWeight', [scheme.classification.volumeWeight, scheme.classification.valueWeight], 1);
  checkSum('tiers.shares', scheme.tiers.shares, 100);
  const w = scheme.tiers.weights;
  checkSum('tiers.weights', [w.quantity, w.value, w.brands, w.class2Plus], 100);
  // Group indices are stored in a byte.
  if (scheme.tiers.shares.length > 255 || scheme.classification.scaleShares.length > 9) {
    errors.push({ path: 'tiers.shares', code: 'scheme_sum', message: say('scheme_sum', { what: 'tiers.shares.length', expected: '≤255', actual: scheme.tiers.shares.length }) });
  }

  const checkRange = (path: string, x: number | undefined, min: number, max: number) => {
    if (x !== undefined && !(Number.isInteger(x) && x >= min && x <= max)) {
      errors.push({ path, code: 'scheme_range', message: say('scheme_range', { what: path, min, max }) });
    }
  };
  // The inputs read 26 weeks of orders: at most six months fit.
  checkRange('tiers.windowMonths', scheme.tiers.windowMonths, 1, 6);
  checkRange('tiers.maxMonthlyMove', scheme.tiers.maxMonthlyMove, 1, Math.max(1, scheme.tiers.shares.length - 1));

  const seen = new Set<string>();
  for (const item of scheme.star.items) {
    const path = `star.items.${item.id}`;
    if (seen.has(item.id)) errors.push({ path, code: 'scheme_duplicate_item', message: say('scheme_duplicate_item', { what: item.id }) });
    seen.add(item.id);
    const top = 'bands' in item ? Math.max(item.floor, ...item.bands.map((b) => b.points)) : Math.max(...Object.values(item.points));
    const low = 'bands' in item ? Math.min(item.floor, item.missing ?? item.floor) : Math.min(...Object.values(item.points));
    if (top !== item.max) errors.push({ path, code: 'scheme_item_max', message: say('scheme_item_max', { what: path, max: item.max, actual: top }) });
    if (low < 0) errors.push({ path, code: 'scheme_negative', message: say('scheme_negative', { what: path }) });
    if ('bands' in item) checkBands(path, item.bands, item.floor);
  }
  checkSum('star.items (max)', scheme.star.items.map((i) => i.max), scheme.star.total);

  for (const network of ['urban', 'rural'] as const) {
    const c = scheme.star.cutoffs[network];
    const path = `star.cutoffs.${network}`;
    const ok = c.length === 6 && c[0] === 0 && c.every((x, i) => i === 0 || x > c[i - 1]) && c[5] <= scheme.star.total;
    if (!ok) errors.push({ path, code: 'scheme_cutoffs', message: say('scheme_cutoffs', { what: path }) });
    const shares = scheme.star.rankShares[network];
    checkSum(`star.rankShares.${network}`, shares, 100);
    if (shares.length !== 6) errors.push({ path: `star.rankShares.${network}`, code: 'scheme_cutoffs', message: say('scheme_cutoffs', { what: `star.rankShares.${network}` }) });
  }

  const rules = scheme.segments.rules;
  if (rules.length === 0 || Object.keys(rules[rules.length - 1].min).length > 0) {
    errors.push({ path: 'segments.rules', code: 'scheme_rules_fallback', message: say('scheme_rules_fallback') });
  }
  return errors;
}
