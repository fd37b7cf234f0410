import { describe, expect, it } from 'vitest';
import { fieldsRoleMayNotChange } from './retailer-fields.js';

describe('restricted retailer fields (decision 1402)', () => {
  it('keeps customer code, licence number and grid from a grid worker', () => {
    expect(fieldsRoleMayNotChange('grid_worker', ['shopName', 'customerCode', 'licenceNo', 'gridId', 'phone'])).toEqual(['customerCode', 'licenceNo', 'gridId']);
  });
  it('lets a station head move shops between grids but not change who they are', () => {
    expect(fieldsRoleMayNotChange('station_head', ['customerCode', 'licenceNo', 'gridId'])).toEqual(['customerCode', 'licenceNo']);
  });
  it('lets marketing and the administrator change all three', () => {
    expect(fieldsRoleMayNotChange('county_manager', ['customerCode', 'licenceNo', 'gridId'])).toEqual([]);
    expect(fieldsRoleMayNotChange('admin', ['customerCode', 'licenceNo', 'gridId'])).toEqual([]);
  });
});
