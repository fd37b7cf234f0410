// Valid retailer file rows for a county, and the files and uploads made of
// them (CSV, XLSX, multipart), for import and export tests.
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { FILE_COLUMNS } from '../../src/domain/retailers/import-columns.js';
import { parseCsv } from '../../src/domain/retailers/import-rows.js';

export const FILE_HEADERS = FILE_COLUMNS.map((c) => c.header);

export type FileRowCells = Record<string, string>;

export type CountyContext = {
  adcode: string;
  gridCodes: string[];
  /** Positions known to be inside the county (e.g. those of existing retailers). */
  positions: { lat: number; lng: number }[];
  /** Customer codes and licence numbers already in the database, to avoid. */
  taken: Set<string>;
};

const NAMES = ['好运', '家乐', '福满', '兴旺', '顺发', '红星', '金源', '百合', '平安', '鑫达'];
const KINDS = ['便利店', '超市', '食杂店', '烟酒商行', '小卖部'];
const FORMATS = ['便利店', '超市', '食杂店', '烟酒商店', '其他'];
const DISTRICTS = ['居民区', '商业娱乐区', '集贸市场', '农村集镇', '学校周边'];
const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六'];

/** n valid rows; the i-th uses the i-th free code and licence from `start`, so calls with different starts do not collide. */
export function makeRetailerRows(n: number, ctx: CountyContext, start = 0): FileRowCells[] {
  const rows: FileRowCells[] = [];
  let k = start;
  while (rows.length < n) {
    k++;
    const seq = String(k).padStart(6, '0');
    const customerCode = `88${String(k).padStart(10, '0')}`;
    const licenceNo = `${ctx.adcode}${seq}`;
    if (ctx.taken.has(customerCode) || ctx.taken.has(licenceNo)) continue;
    const i = rows.length + start;
    const pos = ctx.positions[i % ctx.positions.length];
    rows.push({
      客户编码: customerCode,
      许可证号: licenceNo,
      店铺名称: `${NAMES[i % NAMES.length]}${KINDS[(i >> 2) % KINDS.length]}${seq}`,
      经营地址: `导入测试镇${NAMES[(i >> 3) % NAMES.length]}路${(i % 300) + 1}号`,
      联系电话: `139${String(k).padStart(8, '0')}`,
      '法人/负责人': `测试${NAMES[(i >> 1) % NAMES.length]}`,
      身份证号: '',
      业态: FORMATS[i % FORMATS.length],
      商圈类型: DISTRICTS[i % DISTRICTS.length],
      '城网/农网': i % 3 ? '农网' : '城网',
      网格编码: ctx.gridCodes[i % ctx.gridCodes.length],
      电子结算: i % 2 ? '是' : '否',
      结算方式: i % 2 ? '银行后台扣款' : '现金',
      订货日: WEEKDAYS[i % WEEKDAYS.length],
      家庭情况: '',
      特殊群体: i % 97 === 0 ? '残疾人' : '',
      生日: i % 5 ? '' : `19${60 + (i % 30)}-0${(i % 9) + 1}-1${i % 9}`,
      生日历法: i % 10 ? '公历' : '农历',
      店面形象: 'ABCD'[i % 4],
      '经营面积(㎡)': String(10 + (i % 90)),
      // A few metres apart, still inside the county.
      纬度: (pos.lat + ((i % 7) - 3) * 1e-5).toFixed(6),
      经度: (pos.lng + ((i % 5) - 2) * 1e-5).toFixed(6),
      状态: '正常',
    });
  }
  return rows;
}

export function fileTable(rows: FileRowCells[], headers = FILE_HEADERS): string[][] {
  return [headers, ...rows.map((r) => headers.map((h) => r[h] ?? ''))];
}

export function csvFile(table: string[][]): Buffer {
  const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return Buffer.from('\ufeff' + table.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n', 'utf8');
}

export async function xlsxFile(table: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('零售户');
  for (const r of table) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A multipart/form-data body with one file in the field `file`. */
export function multipart(filename: string, data: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----zhiyin${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head, 'utf8'), data, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A downloaded .xlsx or .csv back to rows of strings (numbers as JavaScript prints them). */
export async function readDownload(res: LightMyRequestResponse): Promise<string[][]> {
  if (String(res.headers['content-type']).startsWith('text/csv')) return parseCsv(res.body);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  const table: string[][] = [];
  wb.worksheets[0].eachRow((row, n) => {
    table[n - 1] = Array.from(row.values as ExcelJS.CellValue[]).slice(1).map((v) => (v == null ? '' : String(v)));
  });
  return table;
}

/** Rows of a table as header → cell records. */
export function records(table: string[][]): FileRowCells[] {
  const [headers, ...rows] = table;
  return rows.map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i] ?? ''])));
}
