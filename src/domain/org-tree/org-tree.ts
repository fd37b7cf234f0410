// The org tree as plain data (decision 1910): who is under whom, and which
// rule is in force for a county when a province, a city and the county may
// each have set one (decision 1912). Pure: the rows come from the caller.
import type { OrgLevel } from '../../shared/codes.js';

export type OrgNode = { orgId: number; parentId: number | null; level: OrgLevel; name: string; code: string };

export type OrgTree = {
  nodes: Map<number, OrgNode>;
  children: Map<number, OrgNode[]>;
};

export function buildOrgTree(rows: OrgNode[]): OrgTree {
  const nodes = new Map(rows.map((r) => [r.orgId, r]));
  const children = new Map<number, OrgNode[]>();
  for (const r of rows) {
    if (r.parentId === null) continue;
    const list = children.get(r.parentId) ?? [];
    list.push(r);
    children.set(r.parentId, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  return { nodes, children };
}

/** The org and every org below it. */
export function subtreeOf(tree: OrgTree, orgId: number): OrgNode[] {
  const root = tree.nodes.get(orgId);
  if (!root) return [];
  const out: OrgNode[] = [];
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n);
    stack.push(...(tree.children.get(n.orgId) ?? []));
  }
  return out;
}

/** The counties at or below an org. */
export const countiesUnder = (tree: OrgTree, orgId: number): OrgNode[] => subtreeOf(tree, orgId).filter((n) => n.level === 'county');

/** True when `orgId` is `ancestorId` or below it. */
export function isWithin(tree: OrgTree, orgId: number, ancestorId: number): boolean {
  for (let n = tree.nodes.get(orgId); n; n = n.parentId === null ? undefined : tree.nodes.get(n.parentId)) {
    if (n.orgId === ancestorId) return true;
  }
  return false;
}

/** The org, its parent, … up to the root. */
export function pathUp(tree: OrgTree, orgId: number): OrgNode[] {
  const out: OrgNode[] = [];
  for (let n = tree.nodes.get(orgId); n; n = n.parentId === null ? undefined : tree.nodes.get(n.parentId)) out.push(n);
  return out;
}

/** The child of `ancestorId` on the way down to `orgId` (the city a county is in, seen from the province). */
export function childTowards(tree: OrgTree, orgId: number, ancestorId: number): OrgNode | undefined {
  const path = pathUp(tree, orgId);
  const i = path.findIndex((n) => n.orgId === ancestorId);
  return i > 0 ? path[i - 1] : undefined;
}

export type RuleVersion = { orgId: number; version: number; overridable: boolean };

/**
 * The rule in force for `orgId`: walking from the top, the first rule that may not be overridden wins;
 * otherwise the rule set nearest to the org (its own, else its city's, else its province's).
 */
export function ruleInForce<R extends RuleVersion>(tree: OrgTree, orgId: number, latestByOrg: Map<number, R>): { rule: R; from: OrgNode; overriddenFrom: OrgNode | null } | null {
  const path = pathUp(tree, orgId).reverse(); // top first
  let chosen: { rule: R; from: OrgNode } | null = null;
  let overriddenFrom: OrgNode | null = null;
  for (const node of path) {
    const rule = latestByOrg.get(node.orgId);
    if (!rule) continue;
    if (chosen && !chosen.rule.overridable) break;
    if (chosen) overriddenFrom = chosen.from;
    chosen = { rule, from: node };
  }
  return chosen ? { ...chosen, overriddenFrom } : null;
}
