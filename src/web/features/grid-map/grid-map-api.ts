// The map page's API calls, typed with the shared schemas.
import type { GridCreate, GridFeature, GridMoveRow, GridUpdate, MapPoints, Place, Proposal, SelectedRetailer, Worker } from '../../../shared/grids.js';
import { api, toQuery } from '../../api/client.js';

export type Ring = [number, number][];

export const getMapPoints = (q: { stationId?: number; bbox?: string; zoom?: number }) => api<MapPoints>(`/api/map/points${toQuery(q)}`);
export const getMapGrids = () => api<GridFeature[]>('/api/map/grids');
export const getPlaces = () => api<Place[]>('/api/map/places');
export const getWorkers = () => api<Worker[]>('/api/grid-workers');
export const selectInRing = (ring: Ring) => api<SelectedRetailer[]>('/api/map/select', { method: 'POST', body: { ring } });
export const moveToGrid = (gridId: number, retailerIds: number[], reason?: string) =>
  api<{ moved: number }>(`/api/grids/${gridId}/retailers`, { method: 'POST', body: { retailerIds, reason } });
export const getGridMoves = (gridId: number) => api<GridMoveRow[]>(`/api/grids/${gridId}/moves`);
export const createGrid = (body: GridCreate) => api<{ id: number }>('/api/grids', { method: 'POST', body });
export const updateGrid = (id: number, body: GridUpdate) => api<{ ok: boolean }>(`/api/grids/${id}`, { method: 'PATCH', body });
export const deleteGrid = (id: number) => api<{ result: string }>(`/api/grids/${id}`, { method: 'DELETE' });
export const setGridArea = (id: number, ring: Ring | null) => api<{ ok: boolean }>(`/api/grids/${id}/area`, { method: 'PUT', body: { ring } });
export const splitGrid = (id: number, body: { name: string; workerId: number | null; retailerIds?: number[] }) =>
  api<{ gridId: number; moved: number }>(`/api/grids/${id}/split`, { method: 'POST', body });
export const mergeGrid = (id: number, intoGridId: number) =>
  api<{ moved: number; source: string }>(`/api/grids/${id}/merge`, { method: 'POST', body: { intoGridId } });
export const proposePartition = (body: { stationId?: number; grids?: number; targetWorkload?: number }) =>
  api<Proposal>('/api/grid-proposals', { method: 'POST', body });
export const applyProposal = (id: number) => api<{ moved: number; created: number; removed: number }>(`/api/grid-proposals/${id}/apply`, { method: 'POST', body: {} });
