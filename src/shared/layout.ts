// 网点布局 (layout analysis) query and response schemas.
import { z } from 'zod';

export const blankQuerySchema = z.object({
  minPopulation: z.coerce.number().int().min(0).max(1_000_000).default(800),
  radiusKm: z.coerce.number().min(0.1).max(20).default(2),
});
export const denseQuerySchema = z.object({
  radiusM: z.coerce.number().int().min(20).max(2000).default(150),
  minCount: z.coerce.number().int().min(2).max(200).default(6),
});
export const layoutExportSchema = z.object({
  kind: z.enum(['blank', 'dense']),
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  minPopulation: blankQuerySchema.shape.minPopulation,
  radiusKm: blankQuerySchema.shape.radiusKm,
  radiusM: denseQuerySchema.shape.radiusM,
  minCount: denseQuerySchema.shape.minCount,
});

export const blankVillageSchema = z.object({
  id: z.number(),
  name: z.string(),
  township: z.string(),
  population: z.number(),
  lat: z.number(),
  lng: z.number(),
  /** Straight-line km to the nearest licensed retailer; null when farther than four radii. */
  nearestKm: z.number().nullable(),
});
export type BlankVillageDto = z.infer<typeof blankVillageSchema>;

export const denseSpotSchema = z.object({ id: z.number(), shopName: z.string(), gridName: z.string(), lat: z.number(), lng: z.number(), members: z.number() });
export type DenseSpotDto = z.infer<typeof denseSpotSchema>;
