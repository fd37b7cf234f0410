// The weekly supply sheet (商品编码, 可供量（条）, 是否紧俏) checked row by row:
// every bad cell is reported with its row, column and reason, so a file with
// any bad row is refused whole.
import { PLAN_IMPORT_HEADERS } from '../../shared/order-corrections.js';
import { sheetRowError, type SheetRowError } from '../../shared/sheet-row-error.js';

export type PlanImportRow = { row: number; productId: number; supplyQty: number; scarce: boolean };

const norm = (s: string) => s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
const ALIASES = {
  code: [PLAN_IMPORT_HEADERS.code, '卷烟编码', '编码'],
  supply: [PLAN_IMPORT_HEADERS.supply, '可供量', '本周货源(条)', '货源(条)'],
  scarce: [PLAN_IMPORT_HEADERS.scarce, '紧俏'],
} as const;
const YES = new Set(['是', 'y', 'yes', 'true', '1', '紧俏']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '']);

/** products: active product id by code. Rows are numbered as in the sheet (the header is row 1). */
export function checkPlanRows(table: string[][], products: Map<string, number>): { rows: PlanImportRow[]; errors: SheetRowError[] } {
  const header = (table[0] ?? []).map((h) => norm(h ?? ''));
  const col = {
    code: header.findIndex((h) => ALIASES.code.some((a) => norm(a) === h)),
    supply: header.findIndex((h) => ALIASES.supply.some((a) => norm(a) === h)),
    scarce: header.findIndex((h) => ALIASES.scarce.some((a) => norm(a) === h)),
  };
  const missing = (Object.keys(col) as (keyof typeof col)[]).filter((k) => col[k] < 0);
  if (missing.length) {
    const names = missing.map((k) => PLAN_IMPORT_HEADERS[k]).join('、');
    return { rows: [], errors: [sheetRowError(1, names, (table[0] ?? []).join(','), 'import_missing_columns', `：${names}`, `: ${names}`)] };
  }
  const rows: PlanImportRow[] = [];
  const errors: SheetRowError[] = [];
  const firstRowOf = new Map<string, number>();
  table.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const cell = (c: number) => (cells?.[c] ?? '').trim();
    const code = cell(col.code);
    const supply = cell(col.supply);
    const scarce = cell(col.scarce);
    if (!code && !supply && !scarce) return;
    const before = errors.length;
    const productId = products.get(code);
    if (!code) errors.push(sheetRowError(row, PLAN_IMPORT_HEADERS.code, code, 'required'));
    else if (productId === undefined) errors.push(sheetRowError(row, PLAN_IMPORT_HEADERS.code, code, 'product_code_unknown'));
    else if (firstRowOf.has(code)) errors.push(sheetRowError(row, PLAN_IMPORT_HEADERS.code, code, 'duplicate_in_file', `（第 ${firstRowOf.get(code)} 行）`, ` (row ${firstRowOf.get(code)})`));
    else firstRowOf.set(code, row);
    const qty = Number(supply);
    if (!/^\+?\d+(\.0+)?$/.test(supply) || !Number.isSafeInteger(qty)) errors.push(sheetRowError(row, PLAN_IMPORT_HEADERS.supply, supply, supply ? 'supply_whole' : 'required'));
    const flag = scarce.toLowerCase();
    if (!YES.has(flag) && !NO.has(flag)) errors.push(sheetRowError(row, PLAN_IMPORT_HEADERS.scarce, scarce, 'yes_no_format'));
    if (errors.length === before) rows.push({ row, productId: productId!, supplyQty: qty, scarce: YES.has(flag) });
  });
  return { rows, errors };
}
