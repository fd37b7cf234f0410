// A score sheet as .xlsx: the items on the first worksheet, then one worksheet
// per item with the records behind its points. Cells are values, never
// formulas; text a spreadsheet would read as a formula is neutralised. Built
// in a compute worker (decision 0913): up to 5,000 records an item.
import ExcelJS from 'exceljs';
import type { Drill, ScoreSheet } from '../shared/measures.js';
import { neutraliseCell } from '../shared/spreadsheet-cell.js';

const cell = (v: string | number | null) => (v === null ? '' : typeof v === 'number' ? v : neutraliseCell(v));

export async function scoreSheetXlsx({ sheet, drills, lang }: { sheet: ScoreSheet; drills: Drill[]; lang: 'zh' | 'en' }): Promise<Uint8Array> {
  const zh = lang === 'zh';
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(zh ? '考核表' : 'Score sheet', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow([cell(`${sheet.subjectName} ${sheet.month}`), cell(zh ? `合计 ${sheet.total} / ${sheet.maxTotal}` : `Total ${sheet.total} / ${sheet.maxTotal}`)]).font = { bold: true };
  ws.addRow(zh ? ['项目', '达标数', '记录数', '比率', '目标', '达标分', '封顶', '得分'] : ['Item', 'Good', 'Records', 'Rate', 'Target', 'Points at target', 'Cap', 'Points']).font = { bold: true };
  for (const i of sheet.items) ws.addRow([cell(zh ? i.zh : i.en), i.good, i.total, i.rate === null ? '' : i.rate, i.target, i.fullPoints, i.cap, i.points]);
  ws.columns.forEach((c, k) => (c.width = k === 0 ? 28 : 12));
  drills.forEach((d, k) => {
    const name = `${k + 1} ${(zh ? d.zh : d.en).replace(/[*?:\\/[\]]/g, ' ')}`.slice(0, 31);
    const w = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    w.addRow(zh ? ['日期', '零售户', '客户经理', '达标', '明细'] : ['Date', 'Shop', 'Worker', 'Good', 'Detail']).font = { bold: true };
    for (const r of d.records) w.addRow([r.date, cell(r.shopName), cell(r.workerName), r.ok ? (zh ? '是' : 'yes') : zh ? '否' : 'no', cell(r.detail)]);
    if (d.truncated) w.addRow([zh ? `仅列出前 ${d.records.length} 条` : `First ${d.records.length} records only`]);
    w.columns.forEach((c, j) => (c.width = [12, 24, 12, 8, 40][j] ?? 12));
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
