// The default scheme, built from published industry practice (see
// docs/decisions/0200-rating-engine.md for where each figure comes from).
import { say } from './messages.js';
import type { RatingScheme } from './scheme.js';

// 30 tiers, bell-shaped: a normal curve centred between tiers 15 and 16
// (sd 9 tiers) rounded to 0.1%. The extremes hold 1.3% each, the middle 4.9%.
const BELL_30 = [
  1.3, 1.6, 1.9, 2.2, 2.5, 2.8, 3.1, 3.5, 3.8, 4.1, 4.3, 4.5, 4.7, 4.8, 4.9, 4.9, 4.8, 4.7, 4.5, 4.3, 4.1, 3.8, 3.5,
  3.1, 2.8, 2.5, 2.2, 1.9, 1.6, 1.3,
];

export const DEFAULT_SCHEME: RatingScheme = {
  version: 'default-2026.2',
  name: say('scheme_name_default'),
  units: { cartonsPerCase: 50 },
  classification: {
    scaleShares: [20, 30, 50],
    volumeWeight: 0.5,
    valueWeight: 0.5,
    rankWithin: 'format',
  },
  tiers: {
    weights: { quantity: 35, value: 55, brands: 5, class2Plus: 5 },
    shares: BELL_30,
    manualOverride: 'with_reason',
    minReasonLength: 4,
    // Complete order cycles of the last three months (a quarter), and at most
    // two tiers a month (decision 1420).
    windowMonths: 3,
    maxMonthlyMove: 2,
  },
  star: {
    total: 100,
    items: [
      { id: 'integrity', max: 20, points: { A: 20, B: 16, C: 10, W: 0 } },
      {
        // monthly volume in 件 (cases of 50 cartons)
        id: 'volume',
        max: 15,
        bands: [
          { min: 15, points: 15 },
          { min: 13, points: 14 },
          { min: 11, points: 13 },
          { min: 9, points: 12 },
          { min: 7, points: 10 },
          { min: 5, points: 8 },
          { min: 3, points: 6 },
          { min: 2, points: 5 },
          { min: 1, points: 4 },
        ],
        floor: 3,
      },
      {
        // percent of cartons that are class-1
        id: 'class1Share',
        max: 10,
        bands: [
          { min: 26, points: 10 },
          { min: 20, points: 9 },
          { min: 15, points: 8 },
          { min: 10, points: 7 },
          { min: 3, points: 6 },
          { min: 2, points: 5 },
        ],
        floor: 4,
        missing: 0,
      },
      {
        // yuan per carton: one point per 10 yuan below 150
        id: 'avgPrice',
        max: 15,
        bands: Array.from({ length: 10 }, (_, i) => ({ min: 150 - 10 * i, points: 15 - i })),
        floor: 5,
        missing: 0,
      },
      {
        // The published scheme lists 15 + 10 + 15 = 40 of the 45 business
        // points; the other 5 go to the breadth of brands stocked.
        id: 'brands',
        max: 5,
        bands: [
          { min: 40, points: 5 },
          { min: 30, points: 4 },
          { min: 20, points: 3 },
          { min: 10, points: 2 },
        ],
        floor: 1,
      },
      { id: 'storeImage', max: 10, points: { A: 10, B: 8, C: 5, D: 2 } },
      {
        id: 'feedback',
        max: 5,
        bands: [
          { min: 4, points: 5 },
          { min: 3, points: 4 },
          { min: 2, points: 3 },
          { min: 1, points: 2 },
        ],
        floor: 0,
      },
      {
        id: 'newBrands',
        max: 8,
        bands: [
          { min: 3, points: 8 },
          { min: 2, points: 6 },
          { min: 1, points: 4 },
        ],
        floor: 0,
      },
      {
        // percent of the month's order cycles ordered in
        id: 'dependence',
        max: 5,
        bands: [
          { min: 100, points: 5 },
          { min: 75, points: 3 },
          { min: 50, points: 1 },
        ],
        floor: 0,
        missing: 0,
      },
      {
        id: 'eSettlement',
        max: 7,
        bands: [
          { min: 98, points: 7 },
          { min: 95, points: 5 },
          { min: 90, points: 3 },
        ],
        floor: 1,
        missing: 0,
      },
    ],
    mode: 'score',
    cutoffs: {
      urban: [0, 55, 65, 75, 85, 95],
      rural: [0, 50, 60, 70, 80, 90],
    },
    rankShares: {
      urban: [15, 25, 30, 20, 8, 2],
      rural: [15, 25, 30, 20, 8, 2],
    },
  },
  segments: {
    integrity: { high: ['A'], mid: ['B', 'C'] },
    stability: {
      high: { maxCv: 0.35, minContinuity: 0.9 },
      mid: { maxCv: 0.7, minContinuity: 0.6 },
    },
    cooperation: { minNewBrands: 1, minFeedback: 1, minESettlementPct: 95, high: 3, mid: 2 },
    rules: [
      { segment: 'close', min: { integrity: 'high', stability: 'high', cooperation: 'high' } },
      { segment: 'stable_a', min: { integrity: 'mid', stability: 'high', cooperation: 'mid' } },
      { segment: 'stable_b', min: { integrity: 'mid', stability: 'mid' } },
      { segment: 'unstable', min: {} },
    ],
    packages: {
      close: {
        visitsPerMonth: 4,
        callbackHours: 24,
        scarceSupplyPriority: 1,
        trainingPerYear: 4,
        support: [say('support_guidance'), say('support_new_brand_trial'), say('support_display')],
      },
      stable_a: {
        visitsPerMonth: 2,
        callbackHours: 24,
        scarceSupplyPriority: 2,
        trainingPerYear: 2,
        support: [say('support_guidance'), say('support_display')],
      },
      stable_b: {
        visitsPerMonth: 2,
        callbackHours: 48,
        scarceSupplyPriority: 3,
        trainingPerYear: 2,
        support: [say('support_guidance'), say('support_settlement_help')],
      },
      unstable: {
        visitsPerMonth: 1,
        callbackHours: 72,
        scarceSupplyPriority: 4,
        trainingPerYear: 1,
        support: [say('support_compliance_coaching'), say('support_settlement_help')],
      },
    },
  },
  paths: {
    maxVolumeFactor: 1.5,
    minVolumeCapCartons: 50,
    class1ShareMargin: 5,
    class1CartonPrice: 230,
    maxFeedbackPerMonth: 6,
    maxNewBrandsPerMonth: 3,
    maxStoreImageSteps: 1,
    maxExtraBrands: 10,
    defaultCartonPrice: 120,
    maxCombinedOptions: 3,
    cost: {
      carton: 1,
      class1Carton: 1.5,
      feedback: 4,
      newBrand: 8,
      brand: 5,
      orderCycle: 6,
      storeImageStep: 30,
      eSettlement: 10,
    },
  },
};
