import type { Role } from '../../shared/codes.js';

/** Who is asking: everything a query needs to limit rows to the asker's scope. */
export type Viewer = {
  userId: number;
  orgId: number;
  role: Role;
  username: string;
  displayName: string;
  stationId: number | null;
  retailerId: number | null;
};
