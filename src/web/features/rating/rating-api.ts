// The rating API calls the screens make.
import type { RetailerRatingView } from '../../../domain/rating/retailer-rating-view.js';
import type { RatingScheme } from '../../../domain/rating/scheme.js';
import { api } from '../../api/client.js';

export type RatingHistoryPoint = { month: string; star: number; score: number; tier: number; classCode: string; segment: string };
export type RetailerRatingResponse = {
  retailer: { id: number; shopName: string; customerCode: string };
  rating: RetailerRatingView | null;
  history: RatingHistoryPoint[];
};

export type RunSummary = {
  previousRunId: number | null;
  distribution: { star: { urban: number[]; rural: number[] }; tier: number[]; classCode: Record<string, number>; segment: Record<string, number> };
  movers: { starUp: number; starDown: number; tierUp: number; tierDown: number; entered: number; left: number; changed: number };
  frozen: number;
};

export type RatingRun = {
  id: number;
  month: string;
  schemeVersion: string;
  status: 'computing' | 'draft' | 'published' | 'superseded' | 'failed';
  progress: number;
  step: string;
  retailers: number;
  orderLines: number;
  summary: RunSummary | Record<string, never>;
  error: string | null;
  seconds: number | null;
  startedAt: string;
  finishedAt: string | null;
  publishedAt: string | null;
  createdByName: string | null;
  publishedByName: string | null;
};

export type Mover = {
  retailerId: number;
  shopName: string;
  customerCode: string;
  gridName: string;
  starFrom: number;
  starTo: number;
  scoreFrom: number;
  scoreTo: number;
  tierFrom: number;
  tierTo: number;
  classFrom: string;
  classTo: string;
  segmentFrom: string;
  segmentTo: string;
};

export type SchemeError = { path: string; code: string; message: string; messageEn: string };

export const getRetailerRating = (id: number, month?: string) =>
  api<RetailerRatingResponse>(`/api/ratings/retailers/${id}${month ? `?month=${month}` : ''}`);
export const findRatingRuns = () => api<{ runs: RatingRun[]; defaultMonth: string }>('/api/ratings/runs');
export const getRatingRun = (id: number) => api<RatingRun>(`/api/ratings/runs/${id}`);
export const startRatingRun = (month: string) => api<RatingRun>('/api/ratings/runs', { method: 'POST', body: { month } });
export const publishRatingRun = (id: number) => api<RatingRun>(`/api/ratings/runs/${id}/publish`, { method: 'POST', body: {} });
export const findMovers = (id: number, direction: string) => api<{ items: Mover[] }>(`/api/ratings/runs/${id}/movers?direction=${direction}&limit=200`);
export const getSchemes = () =>
  api<{ active: RatingScheme; versions: { version: string; note: string; createdAt: string; createdByName: string | null }[] }>('/api/ratings/schemes');
export const saveScheme = (scheme: unknown, note: string) => api<{ version: string }>('/api/ratings/schemes', { method: 'POST', body: { scheme, note } });
export const reviewSheetUrl = (month: string) => `/api/ratings/review-sheet?month=${month}`;

export type RepresentativeItem = {
  id: number;
  retailerId: number;
  shopName: string;
  gridName: string;
  lat: number;
  lng: number;
  status: 'invited' | 'active' | 'declined' | 'exited' | 'demoted';
  score: number;
  invitedAt: string;
  endReason: string | null;
  star: number;
  lastReview: { outcome: string; reason: string; at: string } | null;
};
export type RepresentativeCandidate = {
  retailerId: number;
  shopName: string;
  gridName: string;
  score: number;
  rank: number;
  eligible: boolean;
  status: string | null;
  complianceClass: string;
  star: number;
  parts: Record<string, number>;
};
export const findRepresentatives = () =>
  api<{ capPct: number; cap: number; used: number; retailers: number; items: RepresentativeItem[] }>('/api/representatives');
export const findRepresentativeCandidates = () =>
  api<{ items: RepresentativeCandidate[]; suggestions: { retailerId: number; outcome: string; reasons: { zh: string; en: string }[] }[] }>(
    '/api/representatives/candidates',
  );
export const setRepresentativeCap = (capPct: number) => api('/api/representatives/settings', { method: 'PUT', body: { capPct } });
export const inviteRepresentative = (retailerId: number) => api<{ id: number }>('/api/representatives', { method: 'POST', body: { retailerId } });
export const respondRepresentative = (id: number, accept: boolean) => api(`/api/representatives/${id}/respond`, { method: 'POST', body: { accept } });
export const exitRepresentative = (id: number, reason: string) => api(`/api/representatives/${id}/exit`, { method: 'POST', body: { reason } });
export const reviewRepresentative = (id: number, outcome: 'keep' | 'demote', reason: string) =>
  api(`/api/representatives/${id}/review`, { method: 'POST', body: { outcome, reason } });

export const recordCompliance = (retailerId: number, month: string, score: number, penalties: number) =>
  api<{ complianceClass: string }>('/api/ratings/compliance', { method: 'POST', body: { retailerId, month, score, penalties } });
export const freezeRating = (retailerId: number, month: string, reason: string) =>
  api<{ id: number }>('/api/ratings/freezes', { method: 'POST', body: { retailerId, month, reason } });
export const changeTier = (runId: number, retailerId: number, toTier: number, reason: string) =>
  api<{ fromTier: number; toTier: number }>(`/api/ratings/runs/${runId}/retailers/${retailerId}/tier`, { method: 'POST', body: { toTier, reason } });

export const importCompliance = (file: File) => {
  const form = new FormData();
  form.append('file', file);
  return api<{ saved: number }>('/api/ratings/compliance/import', { method: 'POST', form });
};
