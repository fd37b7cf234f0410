// The dashboard.
// Chinese first; the English must have the same keys and shapes (`satisfies`).
import { countOf } from '../../../shared/plural.js';

export const dashboardZh = {
  dashboard: {
    title: '概览',
    stations: '服务站',
    grids: '网格',
    retailers: '零售户',
    perStation: '各服务站网格与零售户',
    gridsOf: (n: number) => `${n} 个网格`,
    retailersOf: (n: number) => `${n} 户`,
  },
};

export const dashboardEn = {
  dashboard: {
    title: 'Overview',
    stations: 'Stations',
    grids: 'Grids',
    retailers: 'Retailers',
    perStation: 'Grids and retailers per station',
    gridsOf: (n: number) => countOf(n, 'grid'),
    retailersOf: (n: number) => countOf(n, 'retailer'),
  },
} satisfies typeof dashboardZh;
