import type { OrgLevel, RegionalRole, Role } from '../../shared/codes.js';

/** Who is asking: everything a query needs to limit rows to the asker's scope. */
export type Viewer = {
  userId: number;
  orgId: number;
  role: Role;
  username: string;
  displayName: string;
  stationId: number | null;
  retailerId: number | null;
  /**
   * A province or city user (decision 1910). At home (orgId = their own company) they read roll-ups only;
   * drilled into a county of their subtree, orgId is that county and `role` the county role whose reads
   * they share (county_manager, or admin for auditors), and every write is refused (`org_read_only`).
   */
  regional?: { role: RegionalRole; homeOrgId: number; level: OrgLevel; countyId: number | null };
  /**
   * The session's user must change a password someone else chose (decisions 0860, 0861): the API answers only what
   * changing it needs. Set from the session; absent on viewers made for jobs.
   */
  mustChangePassword?: boolean;
};
