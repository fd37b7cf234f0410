// Who may do what. Row-level scope (which retailers) is enforced in the SQL of
// every query (src/db/scope.ts); this table says which actions a role has at all.
import type { Role } from '../../shared/codes.js';

export const PERMISSIONS = [
  'retailer.list',
  'retailer.read',
  'retailer.update',
  'retailer.history',
  'retailer.import',
  'retailer.export',
  'org.read',
  'org.structure',
  'audit.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const staffRead: Permission[] = ['retailer.list', 'retailer.read', 'retailer.history', 'org.read', 'org.structure'];

const byRole: Record<Role, Permission[]> = {
  admin: [...staffRead, 'retailer.update', 'retailer.import', 'retailer.export', 'audit.read'],
  county_manager: [...staffRead, 'retailer.update', 'retailer.import', 'retailer.export'],
  station_head: [...staffRead, 'retailer.update', 'retailer.export'],
  grid_worker: [...staffRead, 'retailer.update', 'retailer.export'],
  // Agents look retailers up to take orders; they do not edit the file.
  call_agent: ['retailer.list', 'retailer.read', 'org.read', 'org.structure'],
  // A retailer sees their own file and its history, nothing else.
  retailer: ['retailer.read', 'retailer.history', 'org.read'],
};

export function can(role: Role, permission: Permission): boolean {
  return byRole[role].includes(permission);
}

export function permissionsOf(role: Role): Permission[] {
  return [...byRole[role]];
}

/** Personal fields a role sees unmasked (for retailers in its scope). */
export type PiiPolicy = { phone: boolean; family: boolean; idNumber: boolean };

export function piiPolicy(role: Role): PiiPolicy {
  switch (role) {
    case 'grid_worker':
      return { phone: true, family: true, idNumber: false };
    case 'station_head':
    case 'call_agent':
      return { phone: true, family: false, idNumber: false };
    case 'retailer':
      return { phone: true, family: true, idNumber: true };
    case 'admin':
    case 'county_manager':
      return { phone: false, family: false, idNumber: false };
  }
}

/** Menu entries (route keys) shown to a role. */
export function menuOf(role: Role): string[] {
  switch (role) {
    case 'retailer':
      return ['my-file'];
    case 'call_agent':
      return ['retailers'];
    case 'admin':
      return ['dashboard', 'retailers', 'import', 'audit'];
    case 'county_manager':
      return ['dashboard', 'retailers', 'import'];
    default:
      return ['dashboard', 'retailers'];
  }
}
