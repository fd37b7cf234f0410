// Typed calls of the forecast API used by the forecast screen.
import { api, toQuery, type Body, type Wire } from '../../api/client.js';
import type { createOverrideSchema, forecastOverviewSchema, forecastRunQueuedSchema, forecastSeriesSchema, gridAccuracySchema } from '../../../shared/forecast.js';

export const forecastApi = {
  overview: () => api<Wire<typeof forecastOverviewSchema>>('/api/forecasts'),
  series: (productId: number) => api<Wire<typeof forecastSeriesSchema>>(`/api/forecasts/products/${productId}`),
  override: (body: Body<typeof createOverrideSchema>) => api<Wire<typeof forecastSeriesSchema>>('/api/forecasts/overrides', { method: 'POST', body }),
  run: () => api<Wire<typeof forecastRunQueuedSchema>>('/api/forecasts/runs', { method: 'POST' }),
  accuracy: (month: string) => api<Wire<typeof gridAccuracySchema>>(`/api/forecasts/accuracy${toQuery({ month })}`),
};
