// Which fields of a retailer's file need more than retailer.update to change
// (decision 1402): the customer code and licence number say who the shop is
// (marketing sets them from the monopoly's licence), the grid says whose it is
// (a station head moves shops between the grids of the station).
import type { Role } from '../../shared/codes.js';
import { can, type Permission } from './permissions.js';

export const RESTRICTED_RETAILER_FIELDS = { customerCode: 'retailer.identity', licenceNo: 'retailer.identity', gridId: 'retailer.regrid' } as const satisfies Record<string, Permission>;

/** The fields among `changed` that `role` may not change. */
export function fieldsRoleMayNotChange(role: Role, changed: readonly string[]): string[] {
  return changed.filter((f) => {
    const needs = (RESTRICTED_RETAILER_FIELDS as Record<string, Permission>)[f];
    return needs !== undefined && !can(role, needs);
  });
}
