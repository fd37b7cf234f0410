// What-if changes to a retailer's month. The "next star" search proposes them
// and proves each by applying it here and scoring the result again.
import type { RatingScheme } from './scheme.js';
import type { RetailerMonthInput, StoreImage } from './types.js';

export type StarChange =
  /** More cartons in the retailer's present mix: average price and class shares unchanged. */
  | { kind: 'add_cartons'; amount: number }
  /** More class-1 cartons at the retailer's class-1 price (or the scheme's). */
  | { kind: 'add_class1_cartons'; amount: number }
  | { kind: 'add_brands'; amount: number }
  | { kind: 'store_image'; to: StoreImage }
  | { kind: 'add_feedback'; amount: number }
  | { kind: 'add_new_brands'; amount: number }
  /** Order in this many of the month's cycles (a total, not an increase). */
  | { kind: 'order_cycles'; ordered: number }
  /** Be on e-settlement with at least this deduction success rate. */
  | { kind: 'e_settlement'; successPct: number };

export const STORE_IMAGE_UP: Record<StoreImage, StoreImage | null> = { D: 'C', C: 'B', B: 'A', A: null };

export function class1CartonPrice(input: RetailerMonthInput, scheme: RatingScheme): number {
  const o = input.orders;
  return o.class1ValueYuan !== undefined && o.class1Cartons > 0 ? o.class1ValueYuan / o.class1Cartons : scheme.paths.class1CartonPrice;
}

export function applyChange(input: RetailerMonthInput, change: StarChange, scheme: RatingScheme): RetailerMonthInput {
  const o = input.orders;
  switch (change.kind) {
    case 'add_cartons': {
      const n = change.amount;
      if (o.cartons === 0) {
        const valueYuan = n * scheme.paths.defaultCartonPrice;
        return { ...input, orders: { ...o, cartons: n, valueYuan } };
      }
      const k = (o.cartons + n) / o.cartons;
      return {
        ...input,
        orders: {
          ...o,
          cartons: o.cartons + n,
          valueYuan: o.valueYuan * k,
          class1Cartons: o.class1Cartons * k,
          class1ValueYuan: o.class1ValueYuan === undefined ? undefined : o.class1ValueYuan * k,
          class2PlusCartons: o.class2PlusCartons * k,
        },
      };
    }
    case 'add_class1_cartons': {
      const n = change.amount;
      const p = class1CartonPrice(input, scheme);
      return {
        ...input,
        orders: {
          ...o,
          cartons: o.cartons + n,
          valueYuan: o.valueYuan + n * p,
          class1Cartons: o.class1Cartons + n,
          class1ValueYuan: (o.class1ValueYuan ?? o.class1Cartons * p) + n * p,
          // class 1 is part of "class 2 and above"
          class2PlusCartons: o.class2PlusCartons + n,
        },
      };
    }
    case 'add_brands':
      return { ...input, orders: { ...o, brands: o.brands + change.amount } };
    case 'store_image':
      return { ...input, storeImage: change.to };
    case 'add_feedback':
      return { ...input, feedbackCount: input.feedbackCount + change.amount };
    case 'add_new_brands':
      return { ...input, newBrandListings: input.newBrandListings + change.amount };
    case 'order_cycles':
      return { ...input, orders: { ...o, cyclesOrdered: change.ordered } };
    case 'e_settlement':
      return { ...input, eSettlementSuccessPct: change.successPct };
  }
}

export function applyChanges(input: RetailerMonthInput, changes: readonly StarChange[], scheme: RatingScheme): RetailerMonthInput {
  return changes.reduce((acc, c) => applyChange(acc, c, scheme), input);
}
