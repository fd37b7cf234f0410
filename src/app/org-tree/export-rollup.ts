// The roll-up as a sheet (issue 19): a province user's file lists every city
// with its counties under it, a city user's its counties, each with the
// figures of the roll-up screen's tabs. Read from the same county rows as the
// screen (decision 1911), so the file and the screen agree; only the viewer's
// subtree (findRollup refuses the rest). Plain rows: the route writes the
// file off the event loop and the audit row.
import type { Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import type { RollupRow } from '../../shared/org-tree.js';
import { findRollup } from './find-rollup.js';

export type RollupExportLang = 'zh' | 'en';
export type RollupSheet = { parentName: string; header: string[]; rows: (string | number)[][]; orgIds: number[] };

const HEADERS: Record<RollupExportLang, string[]> = {
  zh: ['级别', '市公司', '县局', '县局数', '零售户', '在营', '一星', '二星', '三星', '四星', '五星', '超五星', '断货率%', '动销率%', '扣款失败笔数', '扣款失败金额', '拜访完成率%', '未结工单', '超时工单', '近30天办结', '满意度', '忠诚度', '依存度', '已发布评定', '汇总时间'],
  en: ['Level', 'City', 'County', 'Counties', 'Shops', 'Active', '1 star', '2 stars', '3 stars', '4 stars', '5 stars', '5+ stars', 'Stock-out %', 'Sell-through %', 'Failed deductions', 'Failed amount', 'Visits done %', 'Open cases', 'Overdue cases', 'Closed (30 days)', 'Satisfaction', 'Loyalty', 'Dependence', 'Rating published', 'Computed at'],
};
const LEVEL: Record<RollupExportLang, Record<RollupRow['level'], string>> = {
  zh: { province: '省', city: '市', county: '县' },
  en: { province: 'Province', city: 'City', county: 'County' },
};

const n = (x: number | null | undefined) => (x === null || x === undefined ? '' : x);

function line(r: RollupRow, city: string, county: string, lang: RollupExportLang): (string | number)[] {
  return [
    LEVEL[lang][r.level], city, county, r.counties, r.retailers.total, r.retailers.active,
    ...[1, 2, 3, 4, 5, 6].map((s) => r.stars[s] ?? 0),
    n(r.stockoutRatePct), n(r.sellThroughPct), r.settlement.failedOrders, r.settlement.failedAmount, n(r.visitsDonePct),
    r.desk.open, r.desk.overdue, r.desk.closed30d, n(r.satisfactionAvg), n(r.loyaltyAvg), n(r.dependenceAvg),
    r.runs?.ratingPublished ?? '', r.computedAt ?? '',
  ];
}

/** The viewer's company (or `parentId` within it): its total, then each city and its counties (or each county). */
export async function findRollupSheet(db: Db, viewer: Viewer, parentId: number | undefined, lang: RollupExportLang): Promise<RollupSheet> {
  const top = await findRollup(db, viewer, parentId);
  const rows: (string | number)[][] = [];
  const orgIds: number[] = [top.parent.orgId];
  const cityOf = (r: RollupRow) => (r.level === 'city' ? r.name : '');
  rows.push(line(top.total, top.parent.level === 'city' ? top.parent.name : '', top.parent.level === 'county' ? top.parent.name : '', lang));
  for (const r of top.rows) {
    orgIds.push(r.orgId);
    if (r.level !== 'city') {
      rows.push(line(r, top.parent.level === 'city' ? top.parent.name : '', r.name, lang));
      continue;
    }
    rows.push(line(r, cityOf(r), '', lang));
    const city = await findRollup(db, viewer, r.orgId);
    for (const c of city.rows) {
      orgIds.push(c.orgId);
      rows.push(line(c, r.name, c.name, lang));
    }
  }
  return { parentName: top.parent.name, header: HEADERS[lang], rows, orgIds };
}
