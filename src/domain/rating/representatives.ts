// Customer representatives and image stores (客户代表制、形象店): candidates
// ranked by compliance, business scale, brand structure, store image, loyalty
// and cooperation; a cap (default 5% of retailers, never over 20%) keeps them
// few; a review keeps or demotes each, with a reason.
import type { ComplianceClass, StoreImage, Text } from './types.js';

export interface RepresentativeCandidate {
  retailerId: string;
  complianceClass: ComplianceClass;
  /** Tier score 0–100: business scale against the top retailer. */
  tierScore: number;
  class1SharePct: number;
  brands: number;
  storeImage: StoreImage;
  /** Share of weeks ordered in over the stability window, 0–1. */
  continuity: number;
  /** Cooperation criteria met (new brands, feedback, e-settlement), 0–3. */
  cooperationMet: number;
  star: number;
}

export const REPRESENTATIVE_WEIGHTS = { compliance: 25, scale: 25, brandStructure: 15, storeImage: 15, loyalty: 10, cooperation: 10 } as const;
export type RepresentativePart = keyof typeof REPRESENTATIVE_WEIGHTS;

export const DEFAULT_CAP_PCT = 5;
export const MAX_CAP_PCT = 20;

const COMPLIANCE: Record<ComplianceClass, number> = { A: 1, B: 0.6, C: 0.2, W: 0 };
const IMAGE: Record<StoreImage, number> = { A: 1, B: 0.7, C: 0.4, D: 0 };

export interface RankedCandidate extends RepresentativeCandidate {
  score: number;
  parts: Record<RepresentativePart, number>;
  /** W-class shops and shops below three stars cannot be representatives. */
  eligible: boolean;
  rank: number;
}

export function representativeScore(c: RepresentativeCandidate): { score: number; parts: Record<RepresentativePart, number> } {
  const w = REPRESENTATIVE_WEIGHTS;
  // Brand structure: class-1 share (up to 30%) and breadth of brands (up to 40), half each.
  const structure = 0.5 * Math.min(1, c.class1SharePct / 30) + 0.5 * Math.min(1, c.brands / 40);
  const parts = {
    compliance: w.compliance * COMPLIANCE[c.complianceClass],
    scale: w.scale * Math.min(1, Math.max(0, c.tierScore) / 100),
    brandStructure: w.brandStructure * structure,
    storeImage: w.storeImage * IMAGE[c.storeImage],
    loyalty: w.loyalty * Math.min(1, Math.max(0, c.continuity)),
    cooperation: w.cooperation * Math.min(1, c.cooperationMet / 3),
  };
  const round = (x: number) => Math.round(x * 100) / 100;
  for (const k of Object.keys(parts) as RepresentativePart[]) parts[k] = round(parts[k]);
  return { score: round(Object.values(parts).reduce((a, b) => a + b, 0)), parts };
}

export const isEligible = (c: RepresentativeCandidate) => c.complianceClass !== 'W' && c.star >= 3;

/** Best first; equal scores by retailer id so the order is stable. */
export function rankCandidates(candidates: readonly RepresentativeCandidate[]): RankedCandidate[] {
  const scored = candidates.map((c) => ({ ...c, ...representativeScore(c), eligible: isEligible(c), rank: 0 }));
  scored.sort((a, b) => Number(b.eligible) - Number(a.eligible) || b.score - a.score || (a.retailerId < b.retailerId ? -1 : 1));
  scored.forEach((c, i) => (c.rank = i + 1));
  return scored;
}

/** How many representatives an org of `retailers` may have: at least one, never more than 20%. */
export function representativeCap(retailers: number, capPct: number): number {
  const pct = Math.min(MAX_CAP_PCT, Math.max(0, capPct));
  return Math.min(Math.floor((retailers * MAX_CAP_PCT) / 100), Math.max(1, Math.floor((retailers * pct) / 100)));
}

export function validateCapPct(capPct: number): Text | null {
  if (!(capPct > 0) || capPct > MAX_CAP_PCT) {
    return { zh: `客户代表比例应大于 0 且不超过 ${MAX_CAP_PCT}%`, en: `The representative cap must be above 0 and at most ${MAX_CAP_PCT}%` };
  }
  return null;
}

/** What a review suggests for a current representative, with the reasons (the reviewer decides). */
export function reviewSuggestion(c: RepresentativeCandidate): { outcome: 'keep' | 'demote'; reasons: Text[] } {
  const reasons: Text[] = [];
  if (c.complianceClass === 'W' || c.complianceClass === 'C') reasons.push({ zh: `诚信等级为 ${c.complianceClass} 类`, en: `compliance class ${c.complianceClass}` });
  if (c.star < 3) reasons.push({ zh: `星级降至 ${c.star} 星`, en: `star fell to ${c.star}` });
  if (c.storeImage === 'D') reasons.push({ zh: '店面形象为 D 级', en: 'store image grade D' });
  if (c.continuity < 0.6) reasons.push({ zh: '订货不连续', en: 'orders not continuous' });
  return { outcome: reasons.length ? 'demote' : 'keep', reasons };
}
