// 客户类别细分考核表 (the monthly rating review sheet) as .xlsx, built in a
// compute worker (decision 0913): a county's rows as an in-memory workbook
// held the event loop for up to a second.
import ExcelJS from 'exceljs';
import { ratingMessages } from '../domain/rating/messages.js';
import { labelOf, starLabel } from '../shared/codes.js';

export type ReviewSheetRow = {
  gridName: string;
  customerCode: string;
  shopName: string;
  network: string;
  complianceClass: string;
  integrity: string;
  stability: string;
  cooperation: string;
  cv: number | null;
  continuity: number;
  segment: string;
  prevSegment: string | null;
  star: number;
  tier: number;
  classCode: string;
};

const segmentZh = (s: string | null) => (s ? ratingMessages[`segment_${s}` as 'segment_close']?.zh ?? s : '—');

/** 客户类别细分考核表: one sheet per grid, the three dimensions, the segment and its move against last month. */
export async function reviewSheetXlsx({ month, rows }: { month: string; rows: ReviewSheetRow[] }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const byGrid = new Map<string, typeof rows>();
  for (const row of rows) {
    const list = byGrid.get(row.gridName);
    if (list) list.push(row);
    else byGrid.set(row.gridName, [row]);
  }
  if (byGrid.size === 0) byGrid.set('无数据', []);
  const order = ['unstable', 'stable_b', 'stable_a', 'close'];
  for (const [grid, list] of byGrid) {
    const ws = wb.addWorksheet(grid.slice(0, 31).replace(/[\\/?*[\]:]/g, '_'));
    ws.addRow([`客户类别细分考核表 ${month} — ${grid}`]);
    ws.addRow(['客户编码', '店名', '城网/农网', '诚信等级', '诚信经营', '经营稳定性', '订货波动系数', '订货连续性', '合作性质', '本月类别', '上月类别', '升降', '星级', '档位', '分类']);
    ws.getRow(2).font = { bold: true };
    for (const x of list) {
      const move = !x.prevSegment ? '新评' : order.indexOf(x.segment) > order.indexOf(x.prevSegment) ? '升' : order.indexOf(x.segment) < order.indexOf(x.prevSegment) ? '降' : '持平';
      ws.addRow([
        x.customerCode,
        x.shopName,
        labelOf('network', x.network),
        x.complianceClass,
        labelOf('level', x.integrity),
        labelOf('level', x.stability),
        x.cv === null ? '—' : Math.round(x.cv * 100) / 100,
        `${Math.round(x.continuity * 100)}%`,
        labelOf('level', x.cooperation),
        segmentZh(x.segment),
        segmentZh(x.prevSegment),
        move,
        starLabel(x.star, 'zh'),
        x.tier,
        x.classCode,
      ]);
    }
    ws.columns.forEach((c, i) => (c.width = [14, 24, 8, 8, 8, 10, 12, 10, 8, 10, 10, 6, 8, 6, 8][i] ?? 10));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
