// The map page's API calls (grids, layout, service modes and delivery points), typed with the shared schemas.
import type { z } from 'zod';
import type {
  GridCreate,
  gridCreatedSchema,
  GridFeature,
  GridOverlapDto,
  gridMergeResultSchema,
  GridMoveRow,
  gridMoveResultSchema,
  gridRemovedSchema,
  gridSplitResultSchema,
  GridUpdate,
  MapPoints,
  okSchema,
  Place,
  proposalAppliedSchema,
  SelectedRetailer,
  Worker,
} from '../../../shared/grids.js';
import type { blankQuerySchema, blankVillageSchema, denseQuerySchema, denseSpotSchema } from '../../../shared/layout.js';
import type {
  classifyResultSchema,
  deliveryRecordedSchema,
  deliveryRecordSchema,
  deliveryRequestSchema,
  modesSchema,
  serviceModeSchema,
} from '../../../shared/service-delivery.js';
import type { jobQueuedSchema } from '../../../shared/jobs.js';
import { api, toQuery, type Body, type Query, type Wire } from '../../api/client.js';

type Ok = Wire<typeof okSchema>;

export type Ring = [number, number][];

export const getMapPoints = (q: { stationId?: number; bbox?: string; zoom?: number }) => api<MapPoints>(`/api/map/points${toQuery(q)}`);
export const getMapGrids = () => api<GridFeature[]>('/api/map/grids');
export const getGridOverlaps = () => api<GridOverlapDto[]>('/api/map/grid-overlaps');
export const getPlaces = () => api<Place[]>('/api/map/places');
export const getWorkers = () => api<Worker[]>('/api/grid-workers');
export const selectInRing = (ring: Ring) => api<SelectedRetailer[]>('/api/map/select', { method: 'POST', body: { ring } });
export const moveToGrid = (gridId: number, retailerIds: number[], reason?: string) =>
  api<Wire<typeof gridMoveResultSchema>>(`/api/grids/${gridId}/retailers`, { method: 'POST', body: { retailerIds, reason } });
export const getGridMoves = (gridId: number) => api<GridMoveRow[]>(`/api/grids/${gridId}/moves`);
export const createGrid = (body: GridCreate) => api<Wire<typeof gridCreatedSchema>>('/api/grids', { method: 'POST', body });
export const updateGrid = (id: number, body: GridUpdate) => api<Ok>(`/api/grids/${id}`, { method: 'PATCH', body });
export const deleteGrid = (id: number) => api<Wire<typeof gridRemovedSchema>>(`/api/grids/${id}`, { method: 'DELETE' });
export const setGridArea = (id: number, ring: Ring | null) => api<Ok>(`/api/grids/${id}/area`, { method: 'PUT', body: { ring } });
export const splitGrid = (id: number, body: { name: string; workerId: number | null; retailerIds?: number[] }) =>
  api<Wire<typeof gridSplitResultSchema>>(`/api/grids/${id}/split`, { method: 'POST', body });
export const mergeGrid = (id: number, intoGridId: number) =>
  api<Wire<typeof gridMergeResultSchema>>(`/api/grids/${id}/merge`, { method: 'POST', body: { intoGridId } });
/** Queues the partition (202); the job's result, once completed, is the Proposal. */
export const proposePartition = (body: { stationId?: number; grids?: number; targetWorkload?: number }) =>
  api<Wire<typeof jobQueuedSchema>>('/api/grid-proposals', { method: 'POST', body });
export const applyProposal = (id: number) => api<Wire<typeof proposalAppliedSchema>>(`/api/grid-proposals/${id}/apply`, { method: 'POST', body: {} });

export const findBlankVillages = (q: Query<typeof blankQuerySchema>) =>
  api<Wire<z.ZodArray<typeof blankVillageSchema>>>(`/api/layout/blank-villages${toQuery(q)}`);
export const findDenseSpots = (q: Query<typeof denseQuerySchema>) => api<Wire<z.ZodArray<typeof denseSpotSchema>>>(`/api/layout/dense-spots${toQuery(q)}`);

export const getServiceModes = () => api<Wire<typeof modesSchema>>('/api/service-modes');
export const classifyServiceModes = () => api<Wire<typeof classifyResultSchema>>('/api/service-modes/classify', { method: 'POST', body: {} });
export const setServiceMode = (retailerId: number, mode: z.infer<typeof serviceModeSchema>) =>
  api<Ok>(`/api/service-modes/${retailerId}`, { method: 'PUT', body: { mode } });
/** Queues the search (202); the job's result, once completed, is the delivery proposal. */
export const proposeDeliveryPoints = (body: Body<typeof deliveryRequestSchema>) =>
  api<Wire<typeof jobQueuedSchema>>('/api/delivery-points/proposal', { method: 'POST', body });
export const recordDeliveryPoints = (body: Body<typeof deliveryRecordSchema>) =>
  api<Wire<typeof deliveryRecordedSchema>>('/api/delivery-points', { method: 'PUT', body });
