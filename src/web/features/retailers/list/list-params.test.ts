import { describe, expect, it } from 'vitest';
import { apiQuery, filterQuery, hasFilters, readListParams, withFilters, writeListParams } from './list-params.js';

describe('retailer list URL state', () => {
  it('reads comma lists, numbers and sort from the URL and writes them back unchanged', () => {
    const url = 'q=%E4%BE%BF%E5%88%A9&stationId=1,2&star=5,6&network=rural&tierMin=3&tierMax=10&eSettlement=true&sort=star&order=desc&page=3';
    const p = readListParams(new URLSearchParams(url));
    expect(p).toMatchObject({ q: '便利', stationId: [1, 2], network: ['rural'], star: [5, 6], tierMin: 3, tierMax: 10, eSettlement: 'true', sort: 'star', order: 'desc', page: 3, pageSize: 20 });
    expect(writeListParams(p)).toBe(url);
  });

  it('drops values the API would reject', () => {
    const p = readListParams(new URLSearchParams('stationId=a,3&sort=drop&order=up&page=-1&eSettlement=maybe&pageSize=5000'));
    expect(p).toMatchObject({ stationId: [3], sort: undefined, order: undefined, page: 1, eSettlement: undefined, pageSize: 200 });
  });

  it('always sends page and pageSize to the API but keeps the export to filters', () => {
    const p = readListParams(new URLSearchParams('gridId=7&sort=tier&page=2'));
    expect(apiQuery(p)).toBe('?gridId=7&sort=tier&page=2&pageSize=20');
    expect(filterQuery(p)).toBe('gridId=7');
  });

  it('goes back to page 1 when a filter changes and knows whether any filter is set', () => {
    const p = readListParams(new URLSearchParams('page=4&q=abc'));
    expect(hasFilters(p)).toBe(false);
    const next = withFilters(p, { businessFormat: ['B'] });
    expect(next.page).toBe(1);
    expect(hasFilters(next)).toBe(true);
  });
});
