import { describe, expect, it } from 'vitest';
import { menuOf, permissionsOf } from './permissions.js';
import { PERMISSION_ACCESS, readMenuOf, readPermissionsOf } from './read-only.js';

describe('what a read-only viewer keeps (decision 1920)', () => {
  it('the county manager read from above: every read it has, no write, no screen that only writes', () => {
    const all = permissionsOf('county_manager');
    const reads = readPermissionsOf('county_manager');
    expect(reads).toEqual(all.filter((p) => PERMISSION_ACCESS[p] === 'read'));
    expect(reads).toEqual(expect.arrayContaining(['retailer.read', 'retailer.export', 'rating.read', 'supply.read', 'care.read', 'home.read']));
    expect(reads.filter((p) => PERMISSION_ACCESS[p] === 'write')).toEqual([]);
    expect(readMenuOf('county_manager')).toEqual(menuOf('county_manager').filter((m) => !['import', 'take-orders', 'notice-send', 'survey-calls'].includes(m)));
  });

  it('an auditor read as the administrator keeps the audit log but not the shop move', () => {
    expect(readPermissionsOf('admin')).toContain('audit.read');
    expect(readPermissionsOf('admin')).not.toContain('retailer.move');
  });
});
