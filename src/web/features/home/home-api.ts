// Typed call of the home endpoint (issue 17).
import { api, type Wire } from '../../api/client.js';
import type { homeSchema } from '../../../shared/home.js';

export type HomeWire = Wire<typeof homeSchema>;
export type HomeItemWire = HomeWire['items'][number];
export type HomeRowWire = HomeItemWire['rows'][number];

export const homeApi = { get: () => api<HomeWire>('/api/home') };
