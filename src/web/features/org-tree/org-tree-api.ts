// The org tree's calls, and choosing the county a province or city user looks into (decision 1910).
import type { z } from 'zod';
import { api, toQuery, type Wire } from '../../api/client.js';
import type { orgTreeSchema, rollupSchema, rollupSearchSchema, orgRuleInForceSchema, ORG_RULE_KINDS } from '../../../shared/org-tree.js';
import type { jobQueuedSchema } from '../../../shared/jobs.js';

export const orgTreeApi = {
  tree: () => api<Wire<typeof orgTreeSchema>>('/api/org-tree'),
  rollup: (parentId?: number) => api<Wire<typeof rollupSchema>>(`/api/rollups${toQuery({ parentId })}`),
  search: (q: string) => api<Wire<typeof rollupSearchSchema>>(`/api/rollups/retailers${toQuery({ q })}`),
  refresh: () => api<Wire<typeof jobQueuedSchema>>('/api/rollups/refresh', { method: 'POST' }),
  rule: (kind: (typeof ORG_RULE_KINDS)[number]) => api<Wire<typeof orgRuleInForceSchema>>(`/api/org-rules/${kind}`),
};
export type RollupData = Wire<typeof rollupSchema>;
export type RollupRowData = RollupData['rows'][number];
export type SearchData = z.input<typeof rollupSearchSchema>;

/** The county every request looks into: a cookie the server reads (and ignores for county users). */
export function chooseCounty(orgId: number | null) {
  document.cookie = orgId === null ? 'zy_org=; path=/; max-age=0; SameSite=Lax' : `zy_org=${orgId}; path=/; SameSite=Lax`;
}
