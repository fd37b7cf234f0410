// Grid management schemas shared by the API and the map page.
import { z } from 'zod';
import { idSchema, textSchema, MAX_ID, idParamSchema } from './primitives.js';

const requiredText = (max: number) => textSchema.trim().min(1, 'required').max(max, 'text_too_long');

/** [lng, lat] in WGS-84, as GeoJSON orders them. */
export const positionSchema = z.tuple([z.number().min(-180, 'lng_range').max(180, 'lng_range'), z.number().min(-90, 'lat_range').max(90, 'lat_range')]);
/** A drawn ring: at least three corners; closing it (repeating the first) is optional. */
export const ringSchema = z.array(positionSchema).min(3, 'polygon_invalid').max(500, 'text_too_long');

export const targetsSchema = z.record(z.string().max(40), z.number().finite()).refine((t) => Object.keys(t).length <= 20, 'invalid_value');

export const gridCreateSchema = z.object({
  stationId: idSchema,
  name: requiredText(40),
  code: z.string().trim().regex(/^[A-Za-z0-9-]{1,20}$/, 'invalid_value').optional(),
  workerId: z.number().int().positive('grid_worker_required').max(MAX_ID, 'id_range').nullish(),
  policy: textSchema.max(1000, 'text_too_long').optional(),
  targets: targetsSchema.optional(),
});
export type GridCreate = z.infer<typeof gridCreateSchema>;

export const gridUpdateSchema = z.object({
  name: requiredText(40).optional(),
  stationId: idSchema.optional(),
  workerId: z.number().int().positive('grid_worker_required').max(MAX_ID, 'id_range').nullable().optional(),
  policy: textSchema.max(1000, 'text_too_long').optional(),
  targets: targetsSchema.optional(),
});
export type GridUpdate = z.infer<typeof gridUpdateSchema>;

export const gridSplitSchema = z.object({
  name: requiredText(40),
  workerId: z.number().int().positive('grid_worker_required').max(MAX_ID, 'id_range').nullish(),
  /** The retailers for the new grid; without them the grid is cut in two by workload. */
  retailerIds: z.array(idSchema).max(5000).optional(),
});
export const gridMergeSchema = z.object({ intoGridId: idSchema });
export const gridMoveSchema = z.object({
  retailerIds: z.array(idSchema).min(1, 'nothing_selected').max(5000),
  reason: textSchema.trim().max(200, 'text_too_long').optional(),
});
export const gridAreaSchema = z.object({ ring: ringSchema.nullable() });
export const selectSchema = z.object({ ring: ringSchema });

export const proposalRequestSchema = z
  .object({
    stationId: idSchema.optional(),
    grids: z.number().int().min(1).max(5000).optional(),
    targetWorkload: z.number().min(30).max(100_000).optional(),
  })
  .refine((p) => p.grids !== undefined || p.targetWorkload !== undefined, { message: 'required', path: ['grids'] });

export const mapQuerySchema = z.object({
  stationId: idParamSchema.optional(),
  /** west,south,east,north in WGS-84; with zoom, lets the server cluster when there are too many points. */
  bbox: z
    .string()
    .regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/, 'invalid_value')
    .optional(),
  zoom: z.coerce.number().int().min(0).max(22).optional(),
  /** Above this many points in view, clusters are sent instead. */
  maxPoints: z.coerce.number().int().min(100).max(50_000).optional(),
});

/** One retailer on the map: [id, lat, lng, gridId, star, tier, classCode, businessFormat, network, shopName]. */
export type MapPointRow = [number, number, number, number, number, number, string, string, string, string];
export const mapPointsSchema = z.object({
  mode: z.enum(['points', 'clusters']),
  total: z.number(),
  points: z.array(z.tuple([z.number(), z.number(), z.number(), z.number(), z.number(), z.number(), z.string(), z.string(), z.string(), z.string()])),
  /** [lat, lng, count] */
  clusters: z.array(z.tuple([z.number(), z.number(), z.number()])),
});
export type MapPoints = z.infer<typeof mapPointsSchema>;

export const gridFeatureSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  stationId: z.number(),
  workerId: z.number().nullable(),
  workerName: z.string().nullable(),
  policy: z.string(),
  targets: z.record(z.string(), z.number()),
  retailers: z.number(),
  /** Minutes a month (visits × (service + travel)). */
  workload: z.number(),
  drawn: z.boolean(),
  /** GeoJSON Polygon or MultiPolygon (drawn area, or its shops' cells of the county's tiling), null for an empty grid. */
  area: z.unknown().nullable(),
  /** Grids whose drawn area overlaps this one's (decision 1440). */
  overlaps: z.array(z.number()),
  centre: z.object({ lat: z.number(), lng: z.number() }).nullable(),
});
export type GridFeature = z.infer<typeof gridFeatureSchema>;

/** Two grids whose drawn areas overlap (decision 1440): km², share of the smaller area, the overlap's GeoJSON. */
export const gridOverlapSchema = z.object({
  a: z.object({ id: z.number(), name: z.string(), stationId: z.number() }),
  b: z.object({ id: z.number(), name: z.string(), stationId: z.number() }),
  km2: z.number(),
  share: z.number(),
  overlap: z.unknown(),
});
export type GridOverlapDto = z.infer<typeof gridOverlapSchema>;

export const placeSchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.string(),
  township: z.string(),
  population: z.number(),
  lat: z.number(),
  lng: z.number(),
});
export type Place = z.infer<typeof placeSchema>;

export const selectedRetailerSchema = z.object({ id: z.number(), shopName: z.string(), gridId: z.number(), gridName: z.string(), star: z.number() });
export type SelectedRetailer = z.infer<typeof selectedRetailerSchema>;

export const gridMoveRowSchema = z.object({
  id: z.number(),
  at: z.string(),
  retailerId: z.number(),
  shopName: z.string(),
  fromGridId: z.number().nullable(),
  toGridId: z.number().nullable(),
  userName: z.string().nullable(),
  reason: z.string().nullable(),
});
export type GridMoveRow = z.infer<typeof gridMoveRowSchema>;

export const workerSchema = z.object({ id: z.number(), displayName: z.string(), stationId: z.number().nullable(), grids: z.number() });
export type Worker = z.infer<typeof workerSchema>;

export const figuresSchema = z.object({
  grids: z.number(),
  max: z.number(),
  min: z.number(),
  mean: z.number(),
  maxMinRatio: z.number(),
  cv: z.number(),
  meanRadiusKm: z.number(),
});
export type PartitionFiguresDto = z.infer<typeof figuresSchema>;

export const proposalSchema = z.object({
  id: z.number(),
  stationId: z.number().nullable(),
  current: figuresSchema,
  proposed: figuresSchema,
  /** Retailers whose grid would change. */
  moves: z.number(),
  grids: z.array(
    z.object({
      index: z.number(),
      stationId: z.number(),
      gridId: z.number().nullable(),
      workerName: z.string().nullable(),
      retailers: z.number(),
      workload: z.number(),
      area: z.unknown().nullable(),
    }),
  ),
});
export type Proposal = z.infer<typeof proposalSchema>;

// Answers of the grid operations.
export const okSchema = z.object({ ok: z.boolean() });
export const gridCreatedSchema = z.object({ id: z.number() });
export const gridRemovedSchema = z.object({ result: z.enum(['deleted', 'retired']) });
export const gridSplitResultSchema = z.object({ gridId: z.number(), moved: z.number() });
export const gridMergeResultSchema = z.object({ moved: z.number(), source: z.enum(['deleted', 'retired']) });
export const gridMoveResultSchema = z.object({ moved: z.number() });
export const proposalAppliedSchema = z.object({ moved: z.number(), created: z.number(), removed: z.number() });
