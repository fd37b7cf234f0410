import { describe, expect, it } from 'vitest';
import { decodeCsv } from './csv-text.js';
import { AppError } from './errors.js';

describe('decodeCsv', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    const text = '客户编码,店铺名称\r\n430281000001,好运便利店\r\n';
    expect(decodeCsv(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsv(Buffer.from('\ufeff' + text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
  });

  it('reads GBK and GB18030 (characters outside GBK too)', () => {
    const gbk = Buffer.from([0xbf, 0xcd, 0xbb, 0xa7, 0xb1, 0xe0, 0xc2, 0xeb, 0x2c, 0x31, 0x0d, 0x0a]);
    expect(decodeCsv(gbk)).toEqual({ text: '客户编码,1\r\n', encoding: 'gb18030' });
    // 𠀀 (U+20000) is a four-byte GB18030 sequence: 95 32 82 36.
    expect(decodeCsv(Buffer.from([0xc0, 0xee, 0x95, 0x32, 0x82, 0x36]))).toEqual({ text: '李𠀀', encoding: 'gb18030' });
  });

  it('refuses what is neither, with a message in Chinese', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('客户编码,1\r\n', 'utf16le')]);
    const brokenAfterBom = Buffer.from([0xef, 0xbb, 0xbf, 0xbf, 0xcd, 0xbb, 0xa7]);
    for (const bytes of [utf16, brokenAfterBom, Buffer.from([0x41, 0xff, 0x42])]) {
      let error: unknown;
      try {
        decodeCsv(bytes);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('import_csv_encoding');
    }
  });
});

describe('the CSV writer', () => {
  it('neutralises cells a spreadsheet would run, and the reader restores them', async () => {
    const { csvField, restoreCell } = await import('./csv-text.js');
    for (const s of ['=1+1', '+1', '-A1', '@SUM(A1)', '\tx', '\rx']) {
      expect(csvField(s).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
      expect(restoreCell(csvField(s).replace(/^"|"$/g, ''))).toBe(s);
    }
    expect(csvField(-5)).toBe('-5');
    expect(csvField('0731-2345')).toBe('0731-2345');
    expect(restoreCell("'abc")).toBe("'abc");
    expect(csvField('a,"b"')).toBe('"a,""b"""');
  });
});
