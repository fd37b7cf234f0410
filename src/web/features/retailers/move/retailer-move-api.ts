// The move screen's calls (decisions 1902, 1921).
import { api, toQuery, type Body, type Wire } from '../../../api/client.js';
import type { retailerMoveInputSchema, retailerMovePreviewSchema, retailerMoveResultSchema } from '../../../../shared/retailer-move.js';

export const retailerMoveApi = {
  preview: (id: number, toOrgId?: number) => api<Wire<typeof retailerMovePreviewSchema>>(`/api/retailers/${id}/move-preview${toQuery({ toOrgId })}`),
  move: (id: number, body: Body<typeof retailerMoveInputSchema>) => api<Wire<typeof retailerMoveResultSchema>>(`/api/retailers/${id}/move`, { method: 'POST', body }),
};
export type MovePreview = Wire<typeof retailerMovePreviewSchema>;
/** What the old county's card answers (410 retailer_moved) for a shop that left. */
export type MovedTo = { shopName: string; toOrgName: string; toRetailerId: number; movedAt: string; reason: string };
