import { describe, expect, it } from 'vitest';
import { buildOrgTree, countiesUnder, isWithin, ruleInForce, type OrgNode } from './org-tree.js';

const nodes: OrgNode[] = [
  { orgId: 1, parentId: null, level: 'province', name: '湖南省', code: 'hn' },
  { orgId: 2, parentId: 1, level: 'city', name: '株洲市', code: 'zz' },
  { orgId: 3, parentId: 2, level: 'county', name: '醴陵', code: 'll' },
  { orgId: 4, parentId: 2, level: 'county', name: '攸县', code: 'yx' },
  { orgId: 5, parentId: 1, level: 'city', name: '衡阳市', code: 'hy' },
  { orgId: 6, parentId: 5, level: 'county', name: '衡东', code: 'hd' },
];
const tree = buildOrgTree(nodes);
const rule = (orgId: number, version: number, overridable: boolean) => [orgId, { orgId, version, overridable }] as const;

describe('org tree', () => {
  it('lists the counties under a province or a city, and knows who is within whom', () => {
    expect(countiesUnder(tree, 1).map((n) => n.orgId).sort()).toEqual([3, 4, 6]);
    expect(countiesUnder(tree, 2).map((n) => n.orgId).sort()).toEqual([3, 4]);
    expect(isWithin(tree, 3, 2)).toBe(true);
    expect(isWithin(tree, 6, 2)).toBe(false);
    expect(isWithin(tree, 2, 3)).toBe(false);
  });

  it('the nearest rule is in force unless one above may not be overridden', () => {
    const open = new Map([rule(1, 2, true), rule(3, 1, true)]);
    expect(ruleInForce(tree, 3, open)).toMatchObject({ from: { orgId: 3 }, overriddenFrom: { orgId: 1 } });
    expect(ruleInForce(tree, 4, open)).toMatchObject({ from: { orgId: 1 }, overriddenFrom: null });
    const locked = new Map([rule(1, 3, false), rule(2, 1, true), rule(3, 1, true)]);
    expect(ruleInForce(tree, 3, locked)).toMatchObject({ from: { orgId: 1 }, rule: { version: 3 } });
    const cityLocks = new Map([rule(1, 1, true), rule(2, 1, false), rule(3, 1, true)]);
    expect(ruleInForce(tree, 3, cityLocks)).toMatchObject({ from: { orgId: 2 }, overriddenFrom: { orgId: 1 } });
    expect(ruleInForce(tree, 6, new Map())).toBeNull();
  });
});
