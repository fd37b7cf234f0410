// The columns of the retailer file: one table for import, export and the
// template, so the three cannot drift. Each column says how a cell becomes a
// field value (labels or codes, 是/否, 周一 or 1–7…) and how a value becomes
// a cell again, so an export re-imports unchanged.
import { maskIdNumber, maskPhone } from '../access/masking.js';
import { codeFromLabel, codeLabels, labelOf, SPECIAL_GROUPS, type CodeList } from '../../shared/codes.js';
import type { MessageCode } from '../../shared/messages.js';
import type { RetailerFields } from '../../shared/retailer.js';

/** What a file row carries: the editable fields, with the grid as its code. Family members are not in the file. */
export type FileFields = Omit<RetailerFields, 'gridId' | 'familyMembers'> & { gridCode: string };
export type FileField = keyof FileFields;
export type Cell = string | number;
export type CellResult<T> = { value: T } | { error: MessageCode };
type Text = { zh: string; en: string };

export type FileColumn<K extends FileField = FileField> = {
  field: K;
  header: string;
  aliases: string[];
  /** Must be present as a column and filled in every row. */
  required: boolean;
  /** Value of an empty cell in an optional column (and of an absent column for a new retailer). */
  empty: FileFields[K];
  /** Turns a trimmed, non-empty cell into a value; the schema validates it afterwards. */
  parse: (text: string) => CellResult<FileFields[K]>;
  format: (value: FileFields[K]) => Cell;
  /** Digits that must stay text in Excel (leading zeros, 18-digit numbers). */
  text?: boolean;
  /** Personal data: how exports mask it, so a masked cell is recognised on re-import (src/domain/access/mask-retailer.ts). */
  mask?: { of: (value: NonNullable<FileFields[K]>) => string; is: (text: string) => boolean };
  help: Text;
  allowed?: Text;
  width: number;
};

const hasStar = (t: string) => t.includes('*');
const MASKED_NOTE = '******';

const ok = <T>(value: T): CellResult<T> => ({ value });

const listAllowed = (list: CodeList, codes = true): Text => {
  const entries = Object.entries(codeLabels[list] as Record<string, Text>);
  const zh = entries.map(([, l]) => l.zh).join('、');
  const en = entries.map(([, l]) => l.en).join(', ');
  const c = entries.map(([code]) => code).join('、');
  return codes ? { zh: `${zh}（也可填代码 ${c}）`, en: `${en} (or the codes ${c})` } : { zh, en };
};

function codeColumn<K extends FileField>(
  field: K,
  list: CodeList,
  header: string,
  aliases: string[],
  opts: { required: boolean; empty?: FileFields[K]; help: Text },
): FileColumn<K> {
  return {
    field,
    header,
    aliases,
    required: opts.required,
    empty: ('empty' in opts ? opts.empty : '') as FileFields[K],
    parse: (t) => {
      const code = codeFromLabel(list, t);
      return code === undefined ? { error: 'invalid_value' } : ok(code as FileFields[K]);
    },
    format: (v) => labelOf(list, String(v)),
    help: opts.help,
    allowed: listAllowed(list),
    width: 14,
  };
}

function textColumn<K extends FileField>(
  field: K,
  header: string,
  aliases: string[],
  opts: { required: boolean; help: Text; allowed?: Text; text?: boolean; width?: number; empty?: FileFields[K] },
): FileColumn<K> {
  return {
    field,
    header,
    aliases,
    required: opts.required,
    empty: ('empty' in opts ? opts.empty : '') as FileFields[K],
    parse: (t) => ok(t as FileFields[K]),
    format: (v) => (v == null ? '' : String(v)),
    text: opts.text,
    help: opts.help,
    allowed: opts.allowed,
    width: opts.width ?? 16,
  };
}

function numberColumn<K extends 'lat' | 'lng' | 'storeAreaM2'>(
  field: K,
  header: string,
  aliases: string[],
  opts: { required: boolean; help: Text; allowed: Text; empty?: FileFields[K] },
): FileColumn<K> {
  return {
    field,
    header,
    aliases,
    required: opts.required,
    empty: (opts.empty ?? null) as FileFields[K],
    parse: (t) => {
      const n = Number(t.replace(/,/g, ''));
      return Number.isFinite(n) ? ok(n as FileFields[K]) : { error: 'number_format' };
    },
    format: (v) => (v == null ? '' : (v as number)),
    help: opts.help,
    allowed: opts.allowed,
    width: 12,
  };
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '已开通', '开通']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '✗', '未开通']);

/** 2026/1/5, 2026.1.5, 2026年1月5日, 20260105 → 2026-01-05; a real calendar day (lunar months have at most 30). */
export function parseDate(t: string): string | undefined {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const groupOrder = (g: string) => (SPECIAL_GROUPS as readonly string[]).indexOf(g);

/** Special groups in their canonical order, without repeats, so a file and the database compare equal. */
export function canonicalGroups(groups: readonly string[]): string[] {
  return [...new Set(groups)].sort((a, b) => groupOrder(a) - groupOrder(b));
}

/** One column of any field (a union, so each entry keeps its own value type). */
export type AnyFileColumn = { [K in FileField]: FileColumn<K> }[FileField];

export const FILE_COLUMNS: AnyFileColumn[] = [
  textColumn('customerCode', '客户编码', ['customerCode', 'customer code', '客户代码', '客户编号'], {
    required: true,
    text: true,
    help: { zh: '6–16 位数字；文件中已有编码的零售户会被更新，新编码会新建', en: '6–16 digits; an existing code updates that retailer, a new one creates it' },
  }),
  textColumn('licenceNo', '许可证号', ['licenceNo', 'licence no', 'license no', 'licenseNo', '专卖许可证号', '许可证编号'], {
    required: true,
    text: true,
    help: { zh: '12 位数字，前 6 位为本县行政区划代码；不能与其他零售户重复', en: "12 digits starting with the county's area code; unique" },
  }),
  textColumn('shopName', '店铺名称', ['shopName', 'shop name', '店名', '客户名称'], {
    required: true,
    width: 24,
    help: { zh: '最多 60 个字', en: 'Up to 60 characters' },
  }),
  textColumn('address', '经营地址', ['address', '地址'], { required: true, width: 32, help: { zh: '最多 120 个字', en: 'Up to 120 characters' } }),
  {
    ...textColumn('phone', '联系电话', ['phone', '电话', '手机号', '手机'], {
      required: true,
      text: true,
      help: { zh: '11 位手机号，或带区号的固定电话', en: 'An 11-digit mobile, or a landline with area code' },
      allowed: { zh: '如 13812345678、0731-23456789', en: 'e.g. 13812345678, 0731-23456789' },
    }),
    parse: (t) => ok(t.includes('*') ? t : t.replace(/\s+/g, '')),
    mask: { of: maskPhone, is: hasStar },
  },
  textColumn('legalPerson', '法人/负责人', ['legalPerson', 'legal person', '负责人', '法人', '经营者'], {
    required: true,
    help: { zh: '最多 30 个字', en: 'Up to 30 characters' },
  }),
  {
    ...textColumn('legalPersonIdNo', '身份证号', ['legalPersonIdNo', 'ID number', 'ID no', '身份证号码'], {
      required: false,
      text: true,
      width: 22,
      empty: null,
      help: { zh: '18 位，末位可为 X；可不填', en: '18 characters, the last may be X; optional' },
    }),
    mask: { of: maskIdNumber, is: hasStar },
  },
  codeColumn('businessFormat', 'businessFormat', '业态', ['businessFormat', 'business format'], {
    required: true,
    help: { zh: '零售户业态', en: 'Business format' },
  }),
  codeColumn('districtType', 'districtType', '商圈类型', ['districtType', 'district type', '商圈'], {
    required: true,
    help: { zh: '所在商圈', en: 'Trading district' },
  }),
  codeColumn('network', 'network', '城网/农网', ['network', '市场类型', '城乡'], { required: true, help: { zh: '城网或农网', en: 'Urban or rural network' } }),
  textColumn('gridCode', '网格编码', ['gridCode', 'grid code', '网格代码'], {
    required: true,
    text: true,
    help: { zh: '所属网格的编码，须在您的管辖范围内（见“网格”页面）', en: 'Code of the grid, within your scope (see the grids page)' },
  }),
  {
    field: 'eSettlement',
    header: '电子结算',
    aliases: ['eSettlement', 'e-settlement', '是否电子结算'],
    required: false,
    empty: false,
    parse: (t) => {
      const v = t.toLowerCase();
      return YES.has(v) ? ok(true) : NO.has(v) ? ok(false) : { error: 'yes_no_format' };
    },
    format: (v) => (v ? '是' : '否'),
    help: { zh: '是否开通电子结算；不填为“否”', en: 'Whether e-settlement is on; empty means no' },
    allowed: { zh: '是、否', en: '是 (yes), 否 (no)' },
    width: 10,
  },
  codeColumn('settlementMethod', 'settlementMethod', '结算方式', ['settlementMethod', 'settlement method'], {
    required: false,
    empty: 'cash',
    help: { zh: '不填为“现金”', en: 'Empty means cash' },
  }),
  {
    field: 'orderWeekday',
    header: '订货日',
    aliases: ['orderWeekday', 'order weekday', 'order day', '订货周期'],
    required: true,
    empty: 0,
    parse: (t) => {
      const code = codeFromLabel('weekday', t.replace(/^星期/, '周').replace(/^周天$/, '周日'));
      return code === undefined ? { error: 'weekday_range' } : ok(Number(code));
    },
    format: (v) => labelOf('weekday', v),
    help: { zh: '每周固定订货的一天', en: 'The weekly order day' },
    allowed: { zh: '周一至周日，或 1–7（1 为周一）', en: 'Mon–Sun, or 1–7 (1 = Monday)' },
    width: 10,
  },
  {
    ...textColumn('familyNote', '家庭情况', ['familyNote', 'family note', 'family'], {
      required: false,
      width: 24,
      help: { zh: '家庭情况说明，最多 500 字；家庭成员明细不在文件中，导入不会改动', en: 'Free text, up to 500 characters; family members are not in the file and are kept' },
    }),
    mask: { of: () => MASKED_NOTE, is: (t) => t === MASKED_NOTE },
  },
  {
    field: 'specialGroups',
    header: '特殊群体',
    aliases: ['specialGroups', 'special groups'],
    required: false,
    empty: [],
    parse: (t) => {
      const codes = t.split(/[、,，;；\s]+/).filter(Boolean).map((g) => codeFromLabel('specialGroup', g));
      return codes.some((c) => c === undefined) ? { error: 'invalid_value' } : ok(canonicalGroups(codes as string[]) as FileFields['specialGroups']);
    },
    format: (v) => v.map((g) => labelOf('specialGroup', g)).join('、'),
    help: { zh: '可填多个，用顿号或逗号分隔；不填表示无', en: 'Several allowed, separated by 、 or commas; empty means none' },
    allowed: listAllowed('specialGroup', false),
    width: 14,
  },
  {
    field: 'birthday',
    header: '生日',
    aliases: ['birthday', '出生日期'],
    required: false,
    empty: null,
    parse: (t) => {
      const d = parseDate(t);
      return d ? ok(d) : { error: 'date_format' };
    },
    format: (v) => v ?? '',
    text: true,
    help: { zh: '负责人生日，按“生日历法”一栏的历法填写', en: "The legal person's birthday, in the calendar of the next column" },
    allowed: { zh: 'YYYY-MM-DD，如 1980-08-15', en: 'YYYY-MM-DD, e.g. 1980-08-15' },
    width: 12,
  },
  codeColumn('birthdayCalendar', 'birthdayCalendar', '生日历法', ['birthdayCalendar', 'birthday calendar', '历法'], {
    required: false,
    empty: 'solar',
    help: { zh: '不填为“公历”', en: 'Empty means solar' },
  }),
  codeColumn('storeImage', 'storeImage', '店面形象', ['storeImage', 'store image', '终端形象'], {
    required: false,
    empty: 'C',
    help: { zh: '不填为“C 一般”', en: 'Empty means C' },
  }),
  numberColumn('storeAreaM2', '经营面积(㎡)', ['storeAreaM2', 'store area', 'store area (m2)', '经营面积', '面积', '经营面积(平方米)'], {
    required: false,
    help: { zh: '整数，单位平方米；可不填', en: 'Whole square metres; optional' },
    allowed: { zh: '1–100000', en: '1–100000' },
  }),
  numberColumn('lat', '纬度', ['lat', 'latitude'], {
    required: true,
    empty: 0,
    help: { zh: 'WGS-84 纬度，须在本县范围内', en: 'WGS-84 latitude, inside the county' },
    allowed: { zh: '如 27.6588', en: 'e.g. 27.6588' },
  }),
  numberColumn('lng', '经度', ['lng', 'lon', 'longitude'], {
    required: true,
    empty: 0,
    help: { zh: 'WGS-84 经度，须在本县范围内', en: 'WGS-84 longitude, inside the county' },
    allowed: { zh: '如 113.4963', en: 'e.g. 113.4963' },
  }),
  codeColumn('status', 'status', '状态', ['status', '经营状态'], { required: false, empty: 'active', help: { zh: '不填为“正常”', en: 'Empty means active' } }),
];

/** Header text compared loosely: full-width forms, case, spaces, underscores and a trailing * do not matter. */
export function normalizeHeader(h: string): string {
  return h.normalize('NFKC').toLowerCase().replace(/[\s_\-*]+/g, '');
}

const byHeader = new Map<string, AnyFileColumn>();
for (const c of FILE_COLUMNS) for (const h of [c.header, c.field, ...c.aliases]) byHeader.set(normalizeHeader(h), c);

export function columnOfHeader(header: string): AnyFileColumn | undefined {
  return byHeader.get(normalizeHeader(header));
}

export function columnOf(field: FileField): AnyFileColumn {
  return FILE_COLUMNS.find((c) => c.field === field)!;
}

/** A file row's cells, in FILE_COLUMNS order. */
export function fileCells(fields: FileFields): Cell[] {
  return FILE_COLUMNS.map((c) => (c.format as (v: unknown) => Cell)(fields[c.field]));
}
