import { euclideanTable } from './distance-provider.js';
import type { PeriodicPlanRequest } from './plan-periodic-routes.js';

export interface CordeauCustomer {
  id: number;
  x: number;
  y: number;
  service: number;
  demand: number;
  frequency: number;
  /** Allowed visit-day combinations as lists of days (0-based). */
  patterns: number[][];
}

export interface CordeauPvrpInstance {
  type: number;
  vehiclesPerDay: number;
  days: number;
  /** 0 in the file means no limit; kept as Infinity here. */
  maxDuration: number;
  capacity: number;
  /** Row 0 is the depot. */
  customers: CordeauCustomer[];
}

/**
 * Decodes a Cordeau day combination: a decimal number whose binary digits,
 * most significant first, are days 1..t (so with t = 5, 20 = 10100 = days 1 and 3).
 */
export function decodeDayPattern(code: number, days: number): number[] {
  const result: number[] = [];
  for (let day = 0; day < days; day++) {
    if (code & (1 << (days - 1 - day))) result.push(day);
  }
  return result;
}

/** Parses a Cordeau (1997) periodic VRP file (type 1). */
export function parseCordeauPvrp(text: string): CordeauPvrpInstance {
  const rows = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => line.split(/\s+/).map(Number));
  const [type, vehiclesPerDay, customerCount, days] = rows[0];
  if (type !== 1) throw new Error(`Cordeau file: type ${type} is not a PVRP (type 1)`);
  const limits = rows.slice(1, 1 + days);
  const [duration, capacity] = limits[0];
  if (limits.some(([d, q]) => d !== duration || q !== capacity)) {
    throw new Error('Cordeau file: per-day limits differ; not supported');
  }
  const customerRows = rows.slice(1 + days, 1 + days + customerCount + 1);
  if (customerRows.length !== customerCount + 1) throw new Error('Cordeau file: too few customer rows');
  const customers = customerRows.map((fields): CordeauCustomer => {
    const [id, x, y, service, demand, frequency, patternCount] = fields;
    const codes = fields.slice(7, 7 + patternCount);
    if (codes.length !== patternCount) throw new Error(`Cordeau file: customer ${id} lists too few patterns`);
    const patterns = codes.map((code) => decodeDayPattern(code, days));
    if (patterns.some((p) => p.length !== frequency)) {
      throw new Error(`Cordeau file: customer ${id} has a pattern not matching its frequency ${frequency}`);
    }
    return { id, x, y, service, demand, frequency, patterns };
  });
  return {
    type,
    vehiclesPerDay,
    days,
    maxDuration: duration > 0 ? duration : Infinity,
    capacity: capacity > 0 ? capacity : Infinity,
    customers,
  };
}

/** The cost on the first line of a Cordeau `.res` file. */
export function parseCordeauResultCost(text: string): number {
  const first = text.split(/\r?\n/).find((line) => line.trim().length > 0);
  const cost = Number(first?.trim());
  if (!Number.isFinite(cost)) throw new Error('Cordeau result: no cost on the first line');
  return cost;
}

/** Euclidean unrounded distances; depot first, then customers in file order. */
export function cordeauToRequest(instance: CordeauPvrpInstance): PeriodicPlanRequest {
  const table = euclideanTable(instance.customers);
  return {
    distance: table.distance,
    days: instance.days,
    vehiclesPerDay: instance.vehiclesPerDay,
    capacity: instance.capacity,
    maxDuration: instance.maxDuration,
    customers: instance.customers.slice(1).map((c) => ({
      demand: c.demand,
      serviceTime: c.service,
      patterns: c.patterns,
    })),
  };
}
