// The measured value behind each numeric star item, from a retailer's month.
import type { RatingScheme, NumericStarItemId } from './scheme.js';
import type { RetailerMonthInput } from './types.js';

/** null when the value does not exist (no orders; not on e-settlement). */
export function starMetric(id: NumericStarItemId, input: RetailerMonthInput, scheme: RatingScheme): number | null {
  const o = input.orders;
  switch (id) {
    case 'volume':
      return o.cartons / scheme.units.cartonsPerCase;
    case 'class1Share':
      return o.cartons > 0 ? (100 * o.class1Cartons) / o.cartons : null;
    case 'avgPrice':
      return o.cartons > 0 ? o.valueYuan / o.cartons : null;
    case 'brands':
      return o.brands;
    case 'feedback':
      return input.feedbackCount;
    case 'newBrands':
      return input.newBrandListings;
    case 'dependence':
      return o.cycles > 0 ? (100 * o.cyclesOrdered) / o.cycles : null;
    case 'eSettlement':
      return input.eSettlementSuccessPct;
  }
}
