import { z } from 'zod';

export const orgSchema = z.object({
  id: z.number(),
  name: z.string(),
  adcode: z.string(),
  boundary: z.unknown(),
  centerLat: z.number(),
  centerLng: z.number(),
  tiles: z.object({ url: z.string(), crs: z.enum(['wgs84', 'gcj02', 'bd09']) }),
});
export type Org = z.infer<typeof orgSchema>;

export const stationSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  lat: z.number(),
  lng: z.number(),
  grids: z.number(),
  retailers: z.number(),
});
export type Station = z.infer<typeof stationSchema>;

export const gridSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  stationId: z.number(),
  workerId: z.number().nullable(),
  workerName: z.string().nullable(),
  retailers: z.number(),
});
export type Grid = z.infer<typeof gridSchema>;
