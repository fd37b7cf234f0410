// Builds valid inputs for tests: a modest urban grocery unless told otherwise.
import type { OrderAggregate, RetailerMonthInput } from './types.js';

export function orders(over: Partial<OrderAggregate> = {}): OrderAggregate {
  return {
    cartons: 400,
    valueYuan: 400 * 120,
    class1Cartons: 40,
    class2PlusCartons: 200,
    brands: 30,
    cycles: 4,
    cyclesOrdered: 4,
    ...over,
  };
}

export function retailer(over: Partial<RetailerMonthInput> = {}, orderOver: Partial<OrderAggregate> = {}): RetailerMonthInput {
  return {
    retailerId: 'R1',
    network: 'urban',
    format: 'Z',
    orders: orders(orderOver),
    weeklyCartons: [100, 100, 100, 100],
    complianceClass: 'A',
    storeImage: 'B',
    eSettlementSuccessPct: 100,
    newBrandListings: 1,
    feedbackCount: 2,
    history: { bestMonthCartons: 500, bestClass1SharePct: 12 },
    ...over,
  };
}
