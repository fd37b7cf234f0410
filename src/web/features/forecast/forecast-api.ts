// Typed calls of the forecast API used by the forecast screen.
import { api, toQuery, type Body, type Wire } from '../../api/client.js';
import type {
  createOverrideSchema,
  createShopOverrideSchema,
  forecastOverviewSchema,
  forecastRunQueuedSchema,
  forecastSeriesSchema,
  gridAccuracySchema,
  shopForecastsSchema,
  stockoutRisksSchema,
  withdrawOverrideSchema,
  withdrawShopOverrideSchema,
} from '../../../shared/forecast.js';

export const forecastApi = {
  overview: () => api<Wire<typeof forecastOverviewSchema>>('/api/forecasts'),
  series: (productId: number) => api<Wire<typeof forecastSeriesSchema>>(`/api/forecasts/products/${productId}`),
  override: (body: Body<typeof createOverrideSchema>) => api<Wire<typeof forecastSeriesSchema>>('/api/forecasts/overrides', { method: 'POST', body }),
  withdraw: (body: Body<typeof withdrawOverrideSchema>) => api<Wire<typeof forecastSeriesSchema>>('/api/forecasts/overrides/withdraw', { method: 'POST', body }),
  shops: (productId: number, weekStart: string) => api<Wire<typeof shopForecastsSchema>>(`/api/forecasts/products/${productId}/shops${toQuery({ weekStart })}`),
  shopOverride: (body: Body<typeof createShopOverrideSchema>) => api<Wire<typeof shopForecastsSchema>>('/api/forecasts/shop-overrides', { method: 'POST', body }),
  shopWithdraw: (body: Body<typeof withdrawShopOverrideSchema>) => api<Wire<typeof shopForecastsSchema>>('/api/forecasts/shop-overrides/withdraw', { method: 'POST', body }),
  stockoutRisks: () => api<Wire<typeof stockoutRisksSchema>>('/api/forecasts/stockout-risks'),
  run: () => api<Wire<typeof forecastRunQueuedSchema>>('/api/forecasts/runs', { method: 'POST' }),
  accuracy: (month: string) => api<Wire<typeof gridAccuracySchema>>(`/api/forecasts/accuracy${toQuery({ month })}`),
};
