// Customer representatives (客户代表制、形象店): requests and responses of
// the programme's endpoints, used by the routes and the representatives panel.
import { z } from 'zod';
import { idParamSchema, idSchema, textSchema, timestampSchema } from './primitives.js';

const text = z.object({ zh: z.string(), en: z.string() });

export const representativeIdParams = z.object({ id: idParamSchema });
export const representativeReasonSchema = textSchema.trim().min(4, 'reason_required').max(500);
export const capSettingsSchema = z.object({ capPct: z.number() });
export const inviteRepresentativeSchema = z.object({ retailerId: idSchema });
export const respondRepresentativeSchema = z.object({ accept: z.boolean() });
export const exitRepresentativeSchema = z.object({ reason: representativeReasonSchema });
export const REVIEW_OUTCOMES = ['keep', 'demote'] as const;
export const reviewRepresentativeSchema = z.object({ outcome: z.enum(REVIEW_OUTCOMES), reason: representativeReasonSchema });

export const REPRESENTATIVE_STATUSES = ['invited', 'active', 'declined', 'exited', 'demoted'] as const;
export const capStatusSchema = z.object({ capPct: z.number(), retailers: z.number(), cap: z.number(), used: z.number() });
export const representativeSchema = z.object({
  id: z.number(),
  retailerId: z.number(),
  shopName: z.string(),
  gridName: z.string(),
  lat: z.number(),
  lng: z.number(),
  status: z.enum(REPRESENTATIVE_STATUSES),
  score: z.number(),
  invitedAt: timestampSchema,
  respondedAt: timestampSchema.nullable(),
  endedAt: timestampSchema.nullable(),
  endReason: z.string().nullable(),
  star: z.number(),
  lastReview: z.object({ outcome: z.string(), reason: z.string(), at: z.string() }).nullable(),
});
export type RepresentativeItem = z.input<typeof representativeSchema>;
export const representativesSchema = capStatusSchema.extend({ items: z.array(representativeSchema) });

export const candidateSchema = z.object({
  retailerId: z.number(),
  shopName: z.string(),
  gridName: z.string(),
  status: z.string().nullable(),
  complianceClass: z.string(),
  tierScore: z.number(),
  class1SharePct: z.number(),
  brands: z.number(),
  storeImage: z.string().nullable(),
  continuity: z.number(),
  cooperationMet: z.number(),
  star: z.number(),
  score: z.number(),
  parts: z.record(z.string(), z.number()),
  eligible: z.boolean(),
  rank: z.number(),
});
export type RepresentativeCandidate = z.infer<typeof candidateSchema>;
export const candidatesSchema = z.object({
  items: z.array(candidateSchema),
  suggestions: z.array(z.object({ retailerId: z.number(), outcome: z.enum(REVIEW_OUTCOMES), reasons: z.array(text) })),
});

export const invitedSchema = z.object({ id: z.number() });
export const respondedSchema = z.object({ id: z.number(), status: z.enum(['active', 'declined', 'exited']) });
export const reviewedSchema = z.object({ id: z.number(), outcome: z.enum(REVIEW_OUTCOMES) });
