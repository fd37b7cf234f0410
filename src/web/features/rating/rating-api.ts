// The rating and representatives calls the screens make, typed by the shared schemas.
import type {
  complianceImportedSchema,
  complianceRecordedSchema,
  freezeCreatedSchema,
  MOVER_DIRECTIONS,
  moversSchema,
  ratingRunSchema,
  ratingRunsSchema,
  retailerRatingSchema,
  runScopeSchema,
  savedSchemeSchema,
  saveSchemeSchema,
  schemesSchema,
  tierCauseRecordedSchema,
  tierChangedSchema,
} from '../../../shared/rating.js';
import type {
  candidatesSchema,
  capStatusSchema,
  invitedSchema,
  representativesSchema,
  respondedSchema,
  reviewedSchema,
  REVIEW_OUTCOMES,
} from '../../../shared/representatives.js';
import { api, toQuery, type Body, type Wire } from '../../api/client.js';

export type { Mover, RatingRun, RatingScheme, RetailerRatingResponse, RunScope, RunSummary, SchemeError } from '../../../shared/rating.js';
export type { RepresentativeCandidate, RepresentativeItem } from '../../../shared/representatives.js';
export type { RetailerRatingView } from '../../../shared/rating-view.js';

export const getRetailerRating = (id: number, month?: string) =>
  api<Wire<typeof retailerRatingSchema>>(`/api/ratings/retailers/${id}${toQuery({ month })}`);
export const findRatingRuns = () => api<Wire<typeof ratingRunsSchema>>('/api/ratings/runs');
export const getRatingRun = (id: number) => api<Wire<typeof ratingRunSchema>>(`/api/ratings/runs/${id}`);
export const startRatingRun = (month: string) => api<Wire<typeof ratingRunSchema>>('/api/ratings/runs', { method: 'POST', body: { month } });
export const publishRatingRun = (id: number) => api<Wire<typeof ratingRunSchema>>(`/api/ratings/runs/${id}/publish`, { method: 'POST', body: {} });
export const findMovers = (id: number, direction: (typeof MOVER_DIRECTIONS)[number]) =>
  api<Wire<typeof moversSchema>>(`/api/ratings/runs/${id}/movers${toQuery({ direction, limit: 200 })}`);
export const getRunScope = (id: number) => api<Wire<typeof runScopeSchema>>(`/api/ratings/runs/${id}/scope`);
export const recordTierCause = (retailerId: number, month: string, reason: string) =>
  api<Wire<typeof tierCauseRecordedSchema>>('/api/ratings/tier-causes', { method: 'POST', body: { retailerId, month, reason } });
export const getSchemes = () => api<Wire<typeof schemesSchema>>('/api/ratings/schemes');
/** The editor sends the JSON as typed; the server's schema and validateScheme answer with every broken rule. */
export const saveScheme = (scheme: unknown, note: Body<typeof saveSchemeSchema>['note']) =>
  api<Wire<typeof savedSchemeSchema>>('/api/ratings/schemes', { method: 'POST', body: { scheme, note } });
export const reviewSheetUrl = (month: string) => `/api/ratings/review-sheet${toQuery({ month })}`;

export const findRepresentatives = () => api<Wire<typeof representativesSchema>>('/api/representatives');
export const findRepresentativeCandidates = () => api<Wire<typeof candidatesSchema>>('/api/representatives/candidates');
export const setRepresentativeCap = (capPct: number) => api<Wire<typeof capStatusSchema>>('/api/representatives/settings', { method: 'PUT', body: { capPct } });
export const inviteRepresentative = (retailerId: number) => api<Wire<typeof invitedSchema>>('/api/representatives', { method: 'POST', body: { retailerId } });
export const respondRepresentative = (id: number, accept: boolean) =>
  api<Wire<typeof respondedSchema>>(`/api/representatives/${id}/respond`, { method: 'POST', body: { accept } });
export const exitRepresentative = (id: number, reason: string) =>
  api<Wire<typeof respondedSchema>>(`/api/representatives/${id}/exit`, { method: 'POST', body: { reason } });
export const reviewRepresentative = (id: number, outcome: (typeof REVIEW_OUTCOMES)[number], reason: string) =>
  api<Wire<typeof reviewedSchema>>(`/api/representatives/${id}/review`, { method: 'POST', body: { outcome, reason } });

export const recordCompliance = (retailerId: number, month: string, score: number, penalties: number) =>
  api<Wire<typeof complianceRecordedSchema>>('/api/ratings/compliance', { method: 'POST', body: { retailerId, month, score, penalties } });
export const freezeRating = (retailerId: number, month: string, reason: string) =>
  api<Wire<typeof freezeCreatedSchema>>('/api/ratings/freezes', { method: 'POST', body: { retailerId, month, reason } });
export const changeTier = (runId: number, retailerId: number, toTier: number, reason: string) =>
  api<Wire<typeof tierChangedSchema>>(`/api/ratings/runs/${runId}/retailers/${retailerId}/tier`, { method: 'POST', body: { toTier, reason } });

export const importCompliance = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api<Wire<typeof complianceImportedSchema>>('/api/ratings/compliance/import', { method: 'POST', form });
};
