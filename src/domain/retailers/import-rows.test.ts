import { describe, expect, it } from 'vitest';
import { FILE_COLUMNS, fileCells, parseDate, type FileFields } from './import-columns.js';
import { describeRowErrors, parseCsv, parseRetailerTable, type ParsedTable } from './import-rows.js';

const HEADERS = FILE_COLUMNS.map((c) => c.header);

const good: Record<string, string> = {
  客户编码: '430281100001',
  许可证号: '430281200001',
  店铺名称: '阳三石好运便利店',
  经营地址: '醴陵市阳三石街道瓷城大道12号',
  联系电话: '138 1234 5678',
  '法人/负责人': '李建国',
  身份证号: '43028119800101123x',
  业态: '便利店',
  商圈类型: '居民区',
  '城网/农网': '城网',
  网格编码: 'G0101',
  电子结算: '是',
  结算方式: '银行后台扣款',
  订货日: '周三',
  家庭情况: '夫妻经营，儿子在外地',
  特殊群体: '残疾人、五保户',
  生日: '1980/8/5',
  生日历法: '农历',
  店面形象: 'B',
  '经营面积(㎡)': '35',
  纬度: '27.6588',
  经度: '113.4963',
  状态: '正常',
};

const table = (rows: Record<string, string>[], headers = HEADERS) => [headers, ...rows.map((r) => headers.map((h) => r[h] ?? ''))];

function parsed(t: string[][]): Extract<ParsedTable, { ok: true }> {
  const p = parseRetailerTable(t);
  if (!p.ok) throw new Error(`not ok: ${p.code}`);
  return p;
}

describe('parseRetailerTable', () => {
  it('turns labels, 是/否, weekdays, lists and dates into field values', () => {
    const p = parsed(table([good]));
    expect(p.errors).toEqual([]);
    expect(p.rows[0]).toMatchObject({ row: 2, masked: [], bad: [] });
    expect(p.rows[0].fields).toEqual({
      customerCode: '430281100001',
      licenceNo: '430281200001',
      shopName: '阳三石好运便利店',
      address: '醴陵市阳三石街道瓷城大道12号',
      phone: '13812345678',
      legalPerson: '李建国',
      legalPersonIdNo: '43028119800101123X',
      businessFormat: 'B',
      districtType: 'residential',
      network: 'urban',
      gridCode: 'G0101',
      eSettlement: true,
      settlementMethod: 'bank_deduction',
      orderWeekday: 3,
      familyNote: '夫妻经营，儿子在外地',
      specialGroups: ['wubao', 'disabled'],
      birthday: '1980-08-05',
      birthdayCalendar: 'lunar',
      storeImage: 'B',
      storeAreaM2: 35,
      lat: 27.6588,
      lng: 113.4963,
      status: 'active',
    } satisfies FileFields);
  });

  it('accepts codes, numbers and English headers as well', () => {
    const headers = ['Customer Code', 'licence_no', 'shopName', 'Address', 'phone', 'legal person', 'business format', 'districtType', 'network', 'grid code', 'order day', 'Latitude', 'lng'];
    const cells = ['430281100001', '430281200001', '好运来', '某路1号', '0731-23456789', '王五', 'Z', 'market', 'rural', 'G0101', '7', '27.6', '113.5'];
    const p = parsed([headers, cells]);
    expect(p.errors).toEqual([]);
    expect(p.rows[0].fields).toMatchObject({ businessFormat: 'Z', districtType: 'market', network: 'rural', orderWeekday: 7, phone: '0731-23456789' });
  });

  it('fills absent optional columns with defaults and says which columns were present', () => {
    const required = FILE_COLUMNS.filter((c) => c.required).map((c) => c.header);
    const p = parsed(table([good], required));
    expect(p.present).toEqual(FILE_COLUMNS.filter((c) => c.required).map((c) => c.field));
    expect(p.rows[0].fields).toMatchObject({ legalPersonIdNo: null, eSettlement: false, settlementMethod: 'cash', specialGroups: [], birthday: null, status: 'active', storeImage: 'C' });
  });

  it('names the missing required columns', () => {
    const headers = HEADERS.filter((h) => h !== '许可证号' && h !== '网格编码');
    expect(parseRetailerTable(table([good], headers))).toEqual({ ok: false, code: 'import_missing_columns', columns: ['许可证号', '网格编码'] });
  });

  it('refuses a file with no data rows', () => {
    expect(parseRetailerTable([])).toEqual({ ok: false, code: 'import_empty' });
    expect(parseRetailerTable([HEADERS, ['', ' ']])).toEqual({ ok: false, code: 'import_empty' });
  });

  it('refuses more rows than the limit', () => {
    expect(parseRetailerTable(table([good, good, good]), 2)).toMatchObject({ ok: false, code: 'import_too_many_rows' });
  });

  it('reports every bad cell with its spreadsheet row, Chinese header, value and code', () => {
    const p = parsed(
      table([
        good,
        { ...good, 客户编码: '430281100002', 许可证号: '43028120', 联系电话: '12345', 业态: '小卖部' },
        { ...good, 客户编码: '430281100003', 许可证号: '430281200003', 店铺名称: ' ', 订货日: '周八', 纬度: 'abc', 生日: '1980-13-01' },
      ]),
    );
    expect(p.errors.map((e) => [e.row, e.column, e.value, e.code])).toEqual([
      [3, '许可证号', '43028120', 'licence_format'],
      [3, '联系电话', '12345', 'phone_format'],
      [3, '业态', '小卖部', 'invalid_value'],
      [4, '店铺名称', '', 'required'],
      [4, '订货日', '周八', 'weekday_range'],
      [4, '生日', '1980-13-01', 'date_format'],
      [4, '纬度', 'abc', 'number_format'],
    ]);
    expect(p.rows[1].bad.sort()).toEqual(['businessFormat', 'licenceNo', 'phone']);
  });

  it('finds repeated customer codes and licence numbers within the file', () => {
    const p = parsed(table([good, { ...good, 许可证号: '430281200002' }, { ...good, 客户编码: '430281100003' }]));
    expect(p.errors).toEqual([
      { row: 3, column: '客户编码', value: '430281100001', code: 'duplicate_in_file', otherRow: 2 },
      { row: 4, column: '许可证号', value: '430281200001', code: 'duplicate_in_file', otherRow: 2 },
    ]);
  });

  it('keeps spreadsheet row numbers across blank rows and a blank line above the header', () => {
    const t = [[''], ...table([good, { ...good, 客户编码: '1', 许可证号: '430281200009' }])];
    t.splice(2, 0, HEADERS.map(() => ''));
    const p = parsed(t);
    expect(p.rows.map((r) => r.row)).toEqual([4, 5]);
    expect(p.errors[0]).toMatchObject({ row: 5, column: '客户编码', code: 'customer_code_format' });
  });

  it('recognises masked personal data from an export and leaves it to be matched', () => {
    const p = parsed(table([{ ...good, 联系电话: '138****5678', 身份证号: '4302**********123X', 家庭情况: '******' }]));
    expect(p.errors).toEqual([]);
    expect(p.rows[0].masked).toEqual(['phone', 'legalPersonIdNo', 'familyNote']);
    expect(p.rows[0].fields.phone).toBe('138****5678');
  });

  it('ignores unknown columns and lists them; a repeated column is an error', () => {
    const p = parsed(table([{ ...good, 备注: 'x' }], [...HEADERS, '备注']));
    expect(p.ignoredColumns).toEqual(['备注']);
    const d = parsed(table([good], [...HEADERS, 'phone']));
    expect(d.errors).toEqual([{ row: 1, column: '联系电话', value: 'phone', code: 'duplicate_in_file' }]);
  });

  it('re-reads what it writes: cells of a row parse back to the same fields', () => {
    const fields = parsed(table([good])).rows[0].fields;
    const again = parsed([HEADERS, fileCells(fields).map(String)]).rows[0].fields;
    expect(again).toEqual(fields);
  });
});

describe('describeRowErrors', () => {
  it('gives the reason in Chinese and English, the other row of a duplicate, and the allowed values', () => {
    const [dup, bad] = describeRowErrors([
      { row: 3, column: '客户编码', value: '1', code: 'duplicate_in_file', otherRow: 2 },
      { row: 3, column: '业态', value: '小卖部', code: 'invalid_value' },
    ]);
    expect(dup.message).toBe('与文件中另一行重复（第 2 行）');
    expect(dup.messageEn).toBe('Duplicates another row of the file (row 2)');
    expect(bad.message).toMatch(/^取值无效；可填：食杂店、便利店、/);
  });
});

describe('parseDate', () => {
  it('accepts common spellings and refuses impossible dates', () => {
    expect(['1980-8-5', '1980/08/05', '1980.8.5', '1980年8月5日', '19800805'].map(parseDate)).toEqual(Array(5).fill('1980-08-05'));
    expect(['1980-13-01', '80-8-5', 'abc', '1980-02-32'].map(parseDate)).toEqual(Array(4).fill(undefined));
  });
});

describe('parseCsv', () => {
  it('reads quotes, commas, doubled quotes, line breaks in a field, CRLF and a byte-order mark', () => {
    const text = '\ufeff客户编码,店铺名称,家庭情况\r\n001,"好运, 便利店","他说""你好""\r\n第二行"\r\n002,乐购,\r\n';
    expect(parseCsv(text)).toEqual([
      ['客户编码', '店铺名称', '家庭情况'],
      ['001', '好运, 便利店', '他说"你好"\r\n第二行'],
      ['002', '乐购', ''],
    ]);
  });
  it('reads LF and CR line ends and a last line without a line end', () => {
    expect(parseCsv('a,b\nc,d\re,f')).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f']]);
    expect(parseCsv('')).toEqual([]);
  });
});
