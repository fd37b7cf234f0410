// Import and export of the retailer file through the HTTP API: a bad file is
// rejected whole with a row-by-row report in Chinese, a good one of 3,000 rows
// imports in one go, updates leave history, exports follow scope and masking,
// and an export re-imports with no changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { encodeGb18030 } from '../support/gb18030.js';
import { testEngine } from '../support/test-db.js';
import { startTestApp, TODAY, type TestApp } from '../support/test-app.js';
import { buildApp } from '../../src/server/app.js';
import {
  csvFile,
  fileTable,
  makeRetailerRows,
  multipart,
  readDownload,
  records,
  xlsxFile,
  FILE_HEADERS,
  type CountyContext,
  type FileRowCells,
} from '../support/retailer-factory.js';

let t: TestApp;
let admin: string;
let manager: string;
let worker: string;
let ctx: CountyContext;

const count = async (table: 'retailers' | 'retailer_changes') =>
  (await query<{ n: number }>(t.database.db, sql`select count(*)::int n from ${sql.raw(table)}`))[0].n;

const upload = (cookie: string, filename: string, data: Buffer, qs = '') => {
  const body = multipart(filename, data);
  return t.app.inject({ method: 'POST', url: `/api/retailers/import${qs}`, headers: { cookie, ...body.headers }, payload: body.payload });
};

beforeAll(async () => {
  t = await startTestApp();
  [admin, manager, worker] = await Promise.all([t.login('admin'), t.login('county_manager'), t.login('grid_worker')]);
  const org = (await t.api(manager, 'GET', '/api/org')).json();
  const grids = (await t.api(manager, 'GET', '/api/grids')).json() as { code: string }[];
  const positions = await query<{ lat: number; lng: number }>(t.database.db, sql`select lat, lng from retailers order by id limit 200`);
  const taken = await query<{ v: string }>(t.database.db, sql`select customer_code v from retailers union select licence_no from retailers`);
  ctx = { adcode: org.adcode, gridCodes: grids.map((g) => g.code), positions, taken: new Set(taken.map((r) => r.v)) };
});
afterAll(() => t?.close());

describe('a file with bad rows', () => {
  it('is rejected whole with each bad row, column and reason in Chinese, and changes nothing', async () => {
    const [existing] = await query<{ licenceNo: string }>(t.database.db, sql`select licence_no as "licenceNo" from retailers order by id limit 1`);
    const rows = makeRetailerRows(9, ctx, 100_000);
    const bad: FileRowCells[] = [
      rows[0],
      { ...rows[1], 许可证号: '12345' },
      { ...rows[2], 联系电话: '1234567' },
      { ...rows[3], 网格编码: 'NO-SUCH-GRID' },
      { ...rows[4], 纬度: '28.2', 经度: '112.9' }, // Changsha, outside the county
      { ...rows[5], 客户编码: rows[0].客户编码 },
      { ...rows[6], 业态: '小卖部' },
      { ...rows[7], 许可证号: '430102123456' }, // another county's area code
      { ...rows[8], 许可证号: existing.licenceNo },
    ];
    const before = [await count('retailers'), await count('retailer_changes')];
    for (const [name, file] of [['坏文件.csv', csvFile(fileTable(bad))], ['坏文件.xlsx', await xlsxFile(fileTable(bad))]] as const) {
      const res = await upload(manager, name, file);
      expect(res.statusCode, res.body).toBe(422);
      const body = res.json();
      expect(body).toMatchObject({ code: 'import_rejected', message: expect.stringMatching(/整个文件未导入/), messageEn: expect.any(String) });
      expect(body.rows.map((r: { row: number; column: string; code: string }) => [r.row, r.column, r.code])).toEqual([
        [3, '许可证号', 'licence_format'],
        [4, '联系电话', 'phone_format'],
        [5, '网格编码', 'unknown_grid'],
        [6, '纬度', 'outside_county'],
        [7, '客户编码', 'duplicate_in_file'],
        [8, '业态', 'invalid_value'],
        [9, '许可证号', 'licence_area'],
        [10, '许可证号', 'duplicate_licence'],
      ]);
      const byRow = Object.fromEntries(body.rows.map((r: { row: number }) => [r.row, r]));
      expect(byRow[3]).toMatchObject({ value: '12345', message: '许可证号应为 12 位数字' });
      expect(byRow[5]).toMatchObject({ value: 'NO-SUCH-GRID', message: '网格不存在或不在您的管辖范围' });
      expect(byRow[6].message).toBe('坐标不在本县范围内');
      expect(byRow[7].message).toBe('与文件中另一行重复（第 2 行）');
      expect(byRow[8].message).toMatch(/^取值无效；可填：食杂店、便利店/);
      for (const r of body.rows) expect(r.messageEn).toBeTruthy();
    }
    expect([await count('retailers'), await count('retailer_changes')]).toEqual(before);
  });

  it('names missing columns, and refuses empty and unreadable files, and CSV neither UTF-8 nor GB18030', async () => {
    const rows = makeRetailerRows(1, ctx, 100_000);
    const noGrid = fileTable(rows, FILE_HEADERS.filter((h) => h !== '网格编码' && h !== '纬度'));
    let res = await upload(manager, 'a.csv', csvFile(noGrid));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'import_missing_columns', columns: ['网格编码', '纬度'], message: '文件缺少必需的列：网格编码、纬度' });

    res = await upload(manager, 'a.csv', csvFile([FILE_HEADERS]));
    expect([res.statusCode, res.json().code]).toEqual([422, 'import_empty']);

    res = await upload(manager, 'a.xlsx', Buffer.from('PK\u0003\u0004 not really a zip'));
    expect([res.statusCode, res.json().code]).toEqual([400, 'import_bad_file']);
    res = await upload(manager, 'a.pdf', Buffer.from('%PDF-1.4'));
    expect([res.statusCode, res.json().code]).toEqual([400, 'import_bad_file']);

    // Excel's "Unicode 文本" is UTF-16: refused with the encodings it does read, not imported as mojibake.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvFile(noGrid).toString('utf8').slice(1), 'utf16le')]);
    res = await upload(manager, 'a.csv', utf16);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'import_csv_encoding', message: expect.stringContaining('UTF-8 或 GBK/GB18030') });

    res = await t.api(manager, 'POST', '/api/retailers/import', { not: 'a file' });
    expect([res.statusCode, res.json().code]).toEqual([400, 'import_bad_file']);
  });

  it('refuses masked personal data for a new retailer', async () => {
    const [row] = makeRetailerRows(1, ctx, 100_000);
    const res = await upload(manager, 'a.csv', csvFile(fileTable([{ ...row, 联系电话: '139****0001' }])));
    expect(res.statusCode).toBe(422);
    expect(res.json().rows).toMatchObject([{ row: 2, column: '联系电话', code: 'masked_value' }]);
  });
});

describe('a CSV saved by Excel on Chinese Windows (GBK/GB18030, no byte-order mark)', () => {
  const gb18030Csv = (table: string[][]) => encodeGb18030(csvFile(table).toString('utf8').slice(1));

  it('imports with the shop names as written, characters beyond GBK included', async () => {
    const rows = makeRetailerRows(4, ctx, 200_000);
    rows[0].店铺名称 = `𠮷祥超市${rows[0].客户编码.slice(-4)}`; // 𠮷: four bytes in GB18030, not in GBK
    rows[1].经营地址 = '醴陵市来龙门街道瓷城路 8 号（“老字号”）';
    const file = gb18030Csv(fileTable(rows));
    expect(file.includes(Buffer.from('店铺名称', 'utf8'))).toBe(false);

    const res = await upload(manager, '零售户（Excel 另存）.csv', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 4, updated: 0, total: 4 });
    const stored = await query<{ customerCode: string; shopName: string; address: string; legalPerson: string }>(
      t.database.db,
      sql`select customer_code as "customerCode", shop_name as "shopName", address, legal_person as "legalPerson"
        from retailers where customer_code in (${sql.join(rows.map((r) => sql`${r.客户编码}`), sql`, `)}) order by customer_code`,
    );
    expect(stored).toEqual(rows.map((r) => ({ customerCode: r.客户编码, shopName: r.店铺名称, address: r.经营地址, legalPerson: r['法人/负责人'] })));
    const hits = (await t.api(manager, 'GET', `/api/retailers?q=${encodeURIComponent('𠮷祥超市')}`)).json();
    expect(hits.items.map((h: { shopName: string }) => h.shopName)).toContain(rows[0].店铺名称);
  });

  it('with a bad row is refused whole, the row and column named in Chinese', async () => {
    const rows = makeRetailerRows(3, ctx, 300_000);
    const bad = [rows[0], { ...rows[1], 业态: '小卖部' }, { ...rows[2], 许可证号: '43028112345' }];
    const before = await count('retailers');
    const res = await upload(manager, 'gbk.csv', gb18030Csv(fileTable(bad)));
    expect(res.statusCode, res.body).toBe(422);
    const body = res.json();
    expect(body.code).toBe('import_rejected');
    expect(body.rows.map((r: { row: number; column: string; code: string; value: string }) => [r.row, r.column, r.code, r.value])).toEqual([
      [3, '业态', 'invalid_value', '小卖部'],
      [4, '许可证号', 'licence_format', '43028112345'],
    ]);
    expect(body.rows[0].message).toMatch(/^取值无效；可填：食杂店、便利店/);
    expect(body.rows[1].message).toBe('许可证号应为 12 位数字');
    expect(await count('retailers')).toBe(before);
  });
});

describe('a good file', () => {
  it('of 3,000 rows imports in one go, and the new retailers can be searched', async () => {
    const rows = makeRetailerRows(3000, ctx);
    const file = await xlsxFile(fileTable(rows));
    const before = await count('retailers');

    const dry = await upload(manager, '新客户.xlsx', file, '?dryRun=1');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ created: 3000, updated: 0, total: 3000, dryRun: true });
    expect(await count('retailers')).toBe(before);

    const started = performance.now();
    const res = await upload(manager, '新客户.xlsx', file);
    const ms = Math.round(performance.now() - started);
    console.info(`[${testEngine}] imported 3,000 retailers in ${ms} ms`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 3000, updated: 0, unchanged: 0, total: 3000, dryRun: false });
    expect(await count('retailers')).toBe(before + 3000);

    for (const r of [rows[0], rows[1234], rows[2999]]) {
      for (const q of [r.客户编码, r.店铺名称, r.联系电话.slice(-6)]) {
        const hits = (await t.api(manager, 'GET', `/api/retailers?q=${encodeURIComponent(q)}`)).json();
        expect(hits.items.map((h: { customerCode: string }) => h.customerCode), q).toContain(r.客户编码);
      }
    }
    const [audit] = await query<{ detail: Record<string, unknown>; n: number }>(
      t.database.db,
      sql`select detail, cardinality(entity_ids) n from audit_log where action = 'import' order by id desc limit 1`,
    );
    expect(audit).toMatchObject({ n: 3000, detail: { created: 3000, updated: 0, fileName: '新客户.xlsx' } });
  });

  it('updating existing retailers writes their history (source import, old → new)', async () => {
    const exported = records(await readDownload(await t.api(admin, 'GET', '/api/retailers/export?format=csv')));
    const [a, b] = exported.slice(0, 2);
    const changed = [
      { ...a, 经营地址: `${a.经营地址}（导入改址）`, 店面形象: a.店面形象 === 'A 优秀' ? 'B' : 'A' },
      { ...b, 订货日: b.订货日 === '周一' ? '周二' : '周一' },
    ];
    const res = await upload(admin, '改址.csv', csvFile(fileTable(changed)));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 0, updated: 2, unchanged: 0 });

    const [{ id, version }] = await query<{ id: number; version: number }>(t.database.db, sql`select id, version from retailers where customer_code = ${a.客户编码}`);
    const history = (await t.api(admin, 'GET', `/api/retailers/${id}/history`)).json();
    expect(history[0]).toMatchObject({ source: 'import', userName: expect.any(String) });
    expect(history[0].changes).toContainEqual({ field: 'address', old: a.经营地址, new: `${a.经营地址}（导入改址）` });
    expect(history[0].changes.map((c: { field: string }) => c.field).sort()).toEqual(['address', 'storeImage']);
    expect(version).toBeGreaterThan(1);
    const hits = (await t.api(admin, 'GET', `/api/retailers?q=${encodeURIComponent('导入改址')}`)).json();
    expect(hits.items.map((h: { id: number }) => h.id)).toContain(id);
  });
});

describe('export', () => {
  it('as a grid worker holds only their grids, with phones unmasked; as the county manager all, masked', async () => {
    const own = await query<{ customerCode: string; phone: string }>(
      t.database.db,
      sql`select r.customer_code as "customerCode", r.phone from retailers r join grids g on g.id = r.grid_id
        join users u on u.id = g.worker_id where u.username = 'worker1'`,
    );
    const total = await count('retailers');
    for (const format of ['csv', 'xlsx']) {
      const res = await t.api(worker, 'GET', `/api/retailers/export?format=${format}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('零售户_20261124')}.${format}`);
      const rows = records(await readDownload(res));
      expect(rows.map((r) => r.客户编码).sort()).toEqual(own.map((r) => r.customerCode).sort());
      const phones = new Map(own.map((r) => [r.customerCode, r.phone]));
      for (const r of rows) expect(r.联系电话).toBe(phones.get(r.客户编码));

      const all = records(await readDownload(await t.api(manager, 'GET', `/api/retailers/export?format=${format}`)));
      expect(all).toHaveLength(total);
      for (const r of all) expect(r.联系电话).toMatch(/\*{4}/);
    }
    const csv = await t.api(worker, 'GET', '/api/retailers/export?format=csv');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [audit] = await query<{ detail: Record<string, unknown>; n: number }>(
      t.database.db,
      sql`select detail, cardinality(entity_ids) n from audit_log a join users u on u.id = a.user_id
        where a.action = 'export' and u.username = 'worker1' order by a.id desc limit 1`,
    );
    expect(audit).toMatchObject({ n: own.length, detail: { count: own.length, format: 'csv', piiIncluded: true } });
  });

  it('over many database pages holds every row once, in customer-code order, as the one-page export does', async () => {
    const paged = await buildApp({ db: t.database.db, now: () => TODAY, exportPageSize: 13 });
    try {
      const all = (await query<{ c: string }>(t.database.db, sql`select customer_code c from retailers order by customer_code`)).map((r) => r.c);
      const own = (
        await query<{ c: string }>(
          t.database.db,
          sql`select r.customer_code c from retailers r join grids g on g.id = r.grid_id join users u on u.id = g.worker_id
            where u.username = 'worker1' order by r.customer_code`,
        )
      ).map((r) => r.c);
      expect(all.length).toBeGreaterThan(13 * 10);
      expect(own.length).toBeGreaterThan(13);
      for (const [cookie, expected] of [
        [manager, all],
        [worker, own],
      ] as const) {
        for (const format of ['csv', 'xlsx'] as const) {
          const url = `/api/retailers/export?format=${format}`;
          const res = await paged.inject({ method: 'GET', url, headers: { cookie } });
          expect(res.statusCode).toBe(200);
          const table = await readDownload(res);
          expect(table[0]).toEqual(FILE_HEADERS);
          expect(records(table).map((r) => r.客户编码)).toEqual(expected);
          // Same cells, masking included, as with one page of 5,000.
          const onePage = await t.api(cookie, 'GET', url);
          if (format === 'csv') expect(res.body).toBe(onePage.body);
          else expect(table).toEqual(await readDownload(onePage));
        }
      }
    } finally {
      await paged.close();
    }
  });

  it('applies the list filters', async () => {
    const rows = records(await readDownload(await t.api(manager, 'GET', '/api/retailers/export?format=csv&network=urban')));
    const [{ n }] = await query<{ n: number }>(t.database.db, sql`select count(*)::int n from retailers where network = 'urban'`);
    expect(rows).toHaveLength(n);
    expect(new Set(rows.map((r) => r['城网/农网']))).toEqual(new Set(['城网']));
  });

  it('re-imports with no changes (round trip), masked cells keeping the stored values', async () => {
    const changesBefore = await count('retailer_changes');
    for (const format of ['xlsx', 'csv'] as const) {
      const res = await t.api(admin, 'GET', `/api/retailers/export?format=${format}`);
      const again = await upload(admin, `零售户.${format}`, res.rawPayload);
      expect(again.statusCode, again.body.slice(0, 2000)).toBe(200);
      expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: await count('retailers') });
    }
    expect(await count('retailer_changes')).toBe(changesBefore);
  });

  it('the template has an example row that imports, and a sheet explaining each column', async () => {
    const res = await t.api(manager, 'GET', '/api/retailers/import-template');
    expect(res.statusCode).toBe(200);
    const table = await readDownload(res);
    expect(table[0]).toEqual(FILE_HEADERS);
    expect(table).toHaveLength(2);
    const dry = await upload(manager, 'template.xlsx', res.rawPayload, '?dryRun=1');
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ created: 1, dryRun: true });
  });
});

describe('permissions', () => {
  it('a retailer and a call-centre agent may neither import nor export', async () => {
    const file = csvFile(fileTable(makeRetailerRows(1, ctx, 100_000)));
    for (const role of ['retailer', 'call_agent'] as const) {
      const cookie = await t.login(role);
      expect((await upload(cookie, 'a.csv', file)).statusCode).toBe(403);
      expect((await t.api(cookie, 'GET', '/api/retailers/export?format=csv')).statusCode).toBe(403);
      expect((await t.api(cookie, 'GET', '/api/retailers/import-template')).statusCode).toBe(403);
    }
    expect((await upload(worker, 'a.csv', file)).statusCode).toBe(403);
  });
});
