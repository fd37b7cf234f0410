import { euclideanTable } from './distance-provider.js';
import { createProblem, type RoutingProblem } from './problem.js';

export interface SolomonCustomer {
  id: number;
  x: number;
  y: number;
  demand: number;
  ready: number;
  due: number;
  service: number;
}

export interface SolomonInstance {
  name: string;
  vehicles: number;
  capacity: number;
  /** Row 0 is the depot. */
  customers: SolomonCustomer[];
}

/** Parses the classic Solomon text format (name, VEHICLE block, CUSTOMER table). */
export function parseSolomon(text: string): SolomonInstance {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  const name = lines.find((line) => line.length > 0) ?? '';
  const vehicleAt = lines.findIndex((line) => line.toUpperCase().startsWith('VEHICLE'));
  if (vehicleAt < 0) throw new Error('Solomon file: no VEHICLE section');
  const fleetLine = lines.slice(vehicleAt + 1).find((line) => /^\d/.test(line));
  if (!fleetLine) throw new Error('Solomon file: no vehicle number and capacity');
  const [vehicles, capacity] = fleetLine.split(/\s+/).map(Number);
  const customerAt = lines.findIndex((line) => line.toUpperCase().startsWith('CUSTOMER'));
  if (customerAt < 0) throw new Error('Solomon file: no CUSTOMER section');
  const customers: SolomonCustomer[] = [];
  for (const line of lines.slice(customerAt + 1)) {
    if (!/^\d/.test(line)) continue;
    const fields = line.split(/\s+/).map(Number);
    if (fields.length < 7 || fields.some(Number.isNaN)) throw new Error(`Solomon file: bad row "${line}"`);
    const [id, x, y, demand, ready, due, service] = fields;
    customers.push({ id, x, y, demand, ready, due, service });
  }
  if (customers.length < 2) throw new Error('Solomon file: no customers');
  return { name, vehicles, capacity, customers };
}

/** Euclidean unrounded distances, travel time = distance, fleet capped at the file's vehicle count. */
export function solomonToProblem(instance: SolomonInstance): RoutingProblem {
  const { customers } = instance;
  const table = euclideanTable(customers);
  return createProblem({
    distance: table.distance,
    start: 0,
    serviceTime: customers.map((c) => c.service),
    ready: customers.map((c) => c.ready),
    due: customers.map((c) => c.due),
    demand: customers.map((c) => c.demand),
    capacity: instance.capacity,
    vehiclesPerDay: instance.vehicles,
  });
}
