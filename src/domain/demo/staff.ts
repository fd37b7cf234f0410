// The branch's people and the demo accounts. Passwords here are the published
// demo passwords; the database layer hashes them.
import { mobile, personName } from './people.js';
import type { Rng } from './random.js';
import type { WorkerSlot } from './grids.js';

export type DemoRole = 'admin' | 'county_manager' | 'station_head' | 'grid_worker' | 'call_agent' | 'retailer';

export type DemoUser = {
  username: string;
  displayName: string;
  role: DemoRole;
  password: string;
  /** 1-based station of a station head or grid worker. */
  station: number | null;
  /** 0-based retailer index of the retailer account. */
  retailer: number | null;
  phone: string | null;
};

export const DEMO_PASSWORDS: Record<DemoRole, string> = {
  admin: 'admin123',
  county_manager: 'manager123',
  station_head: 'station123',
  grid_worker: 'worker123',
  call_agent: 'agent123',
  retailer: 'retailer123',
};

export function demoStaff(rng: Rng, stations: number, workers: readonly WorkerSlot[], phones: Set<string>): DemoUser[] {
  const person = (role: DemoRole, username: string, station: number | null): DemoUser => ({
    username,
    displayName: personName(rng, rng.chance(0.6) ? 'M' : 'F'),
    role,
    password: DEMO_PASSWORDS[role],
    station,
    retailer: null,
    phone: mobile(rng, phones),
  });
  return [
    { ...person('admin', 'admin', null), displayName: '系统管理员', phone: null },
    person('county_manager', 'manager', null),
    person('call_agent', 'agent', null),
    ...Array.from({ length: stations }, (_, s) => person('station_head', `station${s + 1}`, s + 1)),
    ...workers.map((w) => person('grid_worker', `worker${w.number}`, w.station)),
  ];
}

export function retailerAccount(retailer: number, legalPerson: string, phone: string): DemoUser {
  return {
    username: 'retailer',
    displayName: legalPerson,
    role: 'retailer',
    password: DEMO_PASSWORDS.retailer,
    station: null,
    retailer,
    phone,
  };
}
