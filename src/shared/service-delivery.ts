// Service modes and second-level delivery: request and response schemas.
import { z } from 'zod';
import { idSchema } from './primitives.js';

export const serviceModeSchema = z.enum(['fixed', 'mobile']);
export const setModeSchema = z.object({ mode: serviceModeSchema });

const member = z.object({ id: z.number(), shopName: z.string(), gridId: z.number(), gridName: z.string(), star: z.number(), lat: z.number(), lng: z.number(), manual: z.boolean() });
export const modesSchema = z.object({
  fixed: z.number(),
  mobile: z.number(),
  manual: z.array(z.object({ id: z.number(), shopName: z.string(), mode: z.string() })),
  groups: z.array(z.object({ groupNo: z.number(), members: z.array(member) })),
});
export type Modes = z.infer<typeof modesSchema>;

export const deliveryRequestSchema = z.object({
  p: z.number().int().min(1).max(100),
  maxKm: z.number().min(0.5).max(50),
  remoteKm: z.number().min(0.5).max(100),
});

const distanceFigures = z.object({ meanKm: z.number(), maxKm: z.number(), coverage: z.number() });
export const deliveryProposalSchema = z.object({
  remote: z.number(),
  /** The search reached its time limit: the points are the best found, perhaps not a local optimum. */
  stoppedEarly: z.boolean(),
  before: distanceFigures,
  after: distanceFigures,
  points: z.array(
    z.object({
      retailerId: z.number(),
      shopName: z.string(),
      gridName: z.string(),
      lat: z.number(),
      lng: z.number(),
      serves: z.array(z.object({ id: z.number(), shopName: z.string(), lat: z.number(), lng: z.number(), km: z.number() })),
    }),
  ),
});
export type DeliveryProposalDto = z.infer<typeof deliveryProposalSchema>;

export const deliveryRecordSchema = z.object({
  points: z
    .array(z.object({ retailerId: idSchema, kind: z.enum(['entrusted', 'pickup']), serves: z.array(idSchema).max(5000) }))
    .max(200),
});
export const deliveryPointSchema = z.object({
  id: z.number(),
  retailerId: z.number(),
  shopName: z.string(),
  kind: z.string(),
  lat: z.number(),
  lng: z.number(),
  served: z.number(),
  meanKm: z.number().nullable(),
});

export const classifyResultSchema = z.object({ fixed: z.number(), mobile: z.number(), groups: z.number() });
export const deliveryRecordedSchema = z.object({ points: z.number(), served: z.number() });
