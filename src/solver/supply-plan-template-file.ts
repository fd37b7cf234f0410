// The weekly supply plan's import template as .xlsx (every active product
// with the plan's figures, and a sheet explaining the columns), built in a
// compute worker like every .xlsx the app writes (decision 0913).
import ExcelJS from 'exceljs';
import { PLAN_IMPORT_HEADERS } from '../shared/order-corrections.js';

export type SupplyPlanTemplateInput = {
  sheet: string;
  weekStart: string;
  items: { code: string; name: string; supplyQty: number; scarce: boolean }[];
};

export async function supplyPlanTemplateXlsx({ sheet, weekStart, items }: SupplyPlanTemplateInput): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  // Codes stay text, so Excel keeps every digit.
  ws.columns = [
    { header: PLAN_IMPORT_HEADERS.code, width: 18, style: { numFmt: '@' } },
    { header: PLAN_IMPORT_HEADERS.name, width: 24 },
    { header: PLAN_IMPORT_HEADERS.supply, width: 14 },
    { header: PLAN_IMPORT_HEADERS.scarce, width: 10 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.addRows(items.map((i) => [i.code, i.name, i.supplyQty, i.scarce ? '是' : '否']));
  const help = wb.addWorksheet('填写说明');
  help.getColumn(1).width = 90;
  for (const line of [
    `货源计划 ${weekStart} 周：每个商品一行，按“商品编码”匹配。`,
    '可供量（条）：本周可投放的条数，不小于 0 的整数。是否紧俏：填“是”或“否”，紧俏商品按档位限量投放。',
    '商品名称仅供核对，导入时不读取。文件中没有列出的商品保持原值。',
    '有任何一行出错（编码不存在、数量为负数或小数、编码重复），整个文件都不会导入，并列出出错的行、列和原因。',
    'One row per product, matched by 商品编码 (product code); 可供量（条） is whole cartons ≥ 0; 是否紧俏 is 是 (yes) or 否 (no). A file with any bad row is refused whole.',
  ])
    help.addRow([line]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
