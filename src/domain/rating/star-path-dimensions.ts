// The dimensions along which a retailer can raise the star score, each with
// its candidate amounts: the points where some item's band changes, found by
// inverting the banded scoring functions, within what the retailer's history
// makes feasible. Between two candidates no item's points change, so scanning
// the candidates in order finds the smallest amount that reaches a target.
import { class1CartonPrice, STORE_IMAGE_UP, type StarChange } from './apply-change.js';
import { say } from './messages.js';
import type { NumericBand, NumericStarItemId, RatingScheme } from './scheme.js';
import type { RetailerMonthInput, StoreImage, Text } from './types.js';

export interface Dimension {
  kind: StarChange['kind'];
  /** Feasible candidate amounts for this input, ascending. */
  amounts(input: RetailerMonthInput): number[];
  change(input: RetailerMonthInput, amount: number): StarChange;
  cost(input: RetailerMonthInput, amount: number): number;
  text(input: RetailerMonthInput, change: StarChange): Text;
}

const EPS = 1e-9;

function bandsOf(scheme: RatingScheme, id: NumericStarItemId): NumericBand[] {
  const def = scheme.star.items.find((i) => i.id === id);
  return def && 'bands' in def ? def.bands : [];
}

/** ceil(k) and its neighbours, so float noise in k cannot hide the true breakpoint. */
function around(k: number): number[] {
  if (!Number.isFinite(k)) return [];
  const c = Math.ceil(k - EPS);
  return [c - 1, c, c + 1];
}

function ascending(xs: number[], max: number, ok: (n: number) => boolean = () => true): number[] {
  return [...new Set(xs)].filter((n) => Number.isInteger(n) && n >= 1 && n <= max && ok(n)).sort((a, b) => a - b);
}

export function volumeCap(input: RetailerMonthInput, scheme: RatingScheme): number {
  return Math.max(scheme.paths.minVolumeCapCartons, scheme.paths.maxVolumeFactor * input.history.bestMonthCartons);
}

export function class1ShareCap(input: RetailerMonthInput, scheme: RatingScheme): number {
  return Math.min(100, input.history.bestClass1SharePct + scheme.paths.class1ShareMargin);
}

export function starDimensions(scheme: RatingScheme): Dimension[] {
  const p = scheme.paths;
  const cpc = scheme.units.cartonsPerCase;
  const count = (kind: 'add_brands' | 'add_feedback' | 'add_new_brands', item: NumericStarItemId, current: (r: RetailerMonthInput) => number, maxTotal: (r: RetailerMonthInput) => number, unitCost: number, key: 'path_add_brands' | 'path_feedback' | 'path_new_brands'): Dimension => ({
    kind,
    amounts: (r) => ascending(bandsOf(scheme, item).map((b) => Math.ceil(b.min - EPS) - current(r)), maxTotal(r) - current(r)),
    change: (_r, amount) => ({ kind, amount }),
    cost: (_r, amount) => amount * unitCost,
    text: (_r, c) => say(key, { n: 'amount' in c ? c.amount : 0 }),
  });

  return [
    {
      kind: 'add_cartons',
      amounts: (r) => {
        const q = r.orders.cartons;
        const ks = bandsOf(scheme, 'volume').flatMap((b) => around(b.min * cpc - q));
        return ascending([1, ...ks], Math.floor(volumeCap(r, scheme) - q + EPS));
      },
      change: (_r, amount) => ({ kind: 'add_cartons', amount }),
      cost: (_r, amount) => amount * p.cost.carton,
      text: (_r, c) => say('path_add_cartons', { n: 'amount' in c ? c.amount : 0 }),
    },
    {
      kind: 'add_class1_cartons',
      amounts: (r) => {
        const { cartons: q, valueYuan: v, class1Cartons: c1 } = r.orders;
        const p1 = class1CartonPrice(r, scheme);
        const ks = [
          ...bandsOf(scheme, 'volume').map((b) => b.min * cpc - q),
          ...bandsOf(scheme, 'class1Share').map((b) => (b.min / 100 < 1 ? ((b.min / 100) * q - c1) / (1 - b.min / 100) : Infinity)),
          // the average price crosses P (up or down) where (v + n·p1) / (q + n) = P
          ...bandsOf(scheme, 'avgPrice').map((b) => (p1 !== b.min ? (b.min * q - v) / (p1 - b.min) : Infinity)),
        ].flatMap(around);
        const shareCap = class1ShareCap(r, scheme);
        return ascending([1, ...ks], Math.floor(volumeCap(r, scheme) - q + EPS), (n) => (100 * (c1 + n)) / (q + n) <= shareCap + EPS);
      },
      change: (_r, amount) => ({ kind: 'add_class1_cartons', amount }),
      cost: (_r, amount) => amount * p.cost.class1Carton,
      text: (_r, c) => say('path_add_class1', { n: 'amount' in c ? c.amount : 0 }),
    },
    count('add_brands', 'brands', (r) => r.orders.brands, (r) => r.orders.brands + p.maxExtraBrands, p.cost.brand, 'path_add_brands'),
    count('add_feedback', 'feedback', (r) => r.feedbackCount, () => p.maxFeedbackPerMonth, p.cost.feedback, 'path_feedback'),
    count('add_new_brands', 'newBrands', (r) => r.newBrandListings, () => p.maxNewBrandsPerMonth, p.cost.newBrand, 'path_new_brands'),
    {
      kind: 'order_cycles',
      amounts: (r) => {
        const { cycles, cyclesOrdered } = r.orders;
        const totals = bandsOf(scheme, 'dependence').map((b) => Math.ceil((b.min * cycles) / 100 - EPS));
        return ascending(totals, cycles, (n) => n > cyclesOrdered);
      },
      change: (_r, ordered) => ({ kind: 'order_cycles', ordered }),
      cost: (r, ordered) => (ordered - r.orders.cyclesOrdered) * p.cost.orderCycle,
      text: (_r, c) => say('path_order_cycles', { n: c.kind === 'order_cycles' ? c.ordered : 0 }),
    },
    {
      kind: 'store_image',
      amounts: (r) => {
        const steps: number[] = [];
        let img: StoreImage | null = STORE_IMAGE_UP[r.storeImage];
        for (let s = 1; img && s <= p.maxStoreImageSteps; s++, img = STORE_IMAGE_UP[img]) steps.push(s);
        return steps;
      },
      change: (r, steps) => {
        let img: StoreImage = r.storeImage;
        for (let s = 0; s < steps; s++) img = STORE_IMAGE_UP[img] ?? img;
        return { kind: 'store_image', to: img };
      },
      cost: (_r, steps) => steps * p.cost.storeImageStep,
      text: (_r, c) => say('path_store_image', { to: c.kind === 'store_image' ? c.to : '' }),
    },
    {
      kind: 'e_settlement',
      amounts: (r) => {
        const now = r.eSettlementSuccessPct;
        const pcts = ascending(
          bandsOf(scheme, 'eSettlement').map((b) => Math.ceil(b.min - EPS)),
          100,
          (pct) => now === null || pct > now,
        );
        // Joining at all already earns the floor points; 0 stands for "join, any rate".
        return now === null ? [0, ...pcts] : pcts;
      },
      change: (_r, successPct) => ({ kind: 'e_settlement', successPct }),
      cost: () => p.cost.eSettlement,
      text: (r, c) => {
        const pct = c.kind === 'e_settlement' ? c.successPct : 0;
        if (r.eSettlementSuccessPct !== null) return say('path_e_settlement_raise', { pct });
        return say(pct > 0 ? 'path_e_settlement_open' : 'path_e_settlement_join', { pct });
      },
    },
  ];
}
