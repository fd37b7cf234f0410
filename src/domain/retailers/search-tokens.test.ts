import { describe, expect, it } from 'vitest';
import { documentTokens, indexTokens, pinyinInitials, queryTokens, retailerSearchTokens } from './search-tokens.js';

describe('search tokens', () => {
  it('gives pinyin initials of a shop name', () => {
    expect(pinyinInitials('便利店铺')).toBe('bldp');
    expect(pinyinInitials('好又多超市')).toBe('hydcs');
  });

  it('finds a shop by any substring of two Chinese characters or three letters', () => {
    const { tokens } = retailerSearchTokens({
      shopName: '阳三石好运便利店',
      customerCode: '430281100123',
      licenceNo: '430281201456',
      phone: '13812345678',
      address: '醴陵市阳三石街道瓷城大道12号',
      legalPerson: '李建国',
    });
    const doc = new Set(tokens);
    for (const q of ['便利', '好运便利店', '瓷城大道', 'hybld', '5678', '100123', '李建国', 'ysshybld']) {
      const need = queryTokens(q);
      expect(need.length, q).toBeGreaterThan(0);
      expect(need.every((t) => doc.has(t)), q).toBe(true);
    }
    for (const q of ['超市', '9999', 'xyz']) {
      expect(queryTokens(q).every((t) => doc.has(t)), q).toBe(false);
    }
  });

  it('joins a Chinese run and a number run with a bigram and trigrams, so mixed queries are selective', () => {
    const doc = new Set(documentTokens(['醴陵市北正街173号']));
    expect(queryTokens('街173')).toEqual(['173', '街1', '街17']);
    // An address fragment whose number is too short for a token of its own still gets 街18 and 正街1.
    expect(queryTokens('正街18')).toEqual(['正街', '街1', '街18', '正街1']);
    expect(queryTokens('正街17').every((t) => doc.has(t))).toBe(true);
    expect(queryTokens('正街18').every((t) => doc.has(t))).toBe(false);
    expect(queryTokens('街173').every((t) => doc.has(t))).toBe(true);
    expect(queryTokens('路173').every((t) => doc.has(t))).toBe(false);
  });

  it('asks the index for at most four tokens spread over a long query', () => {
    const all = queryTokens('430281123456');
    expect(all).toHaveLength(9);
    expect(indexTokens(all)).toEqual(['4302', '2811', '1123', '3456']);
    expect(indexTokens(['便利'])).toEqual(['便利']);
  });

  it('answers a phone tail or four initials with one 4-gram, which documents hold beside their trigrams', () => {
    expect(queryTokens('1430')).toEqual(['1430']);
    expect(queryTokens('bldl')).toEqual(['bldl']);
    expect(queryTokens('143')).toEqual(['143']);
    const doc = documentTokens(['13907331430']);
    expect(doc).toEqual(expect.arrayContaining(['143', '430', '1430', '7331']));
  });

  it('normalises full-width characters and case', () => {
    expect(queryTokens('ＢＬＤ')).toEqual(['bld']);
    expect(documentTokens(['AB C'])).toEqual(['abc']);
  });

  it('returns no tokens for queries too short to use the index', () => {
    expect(queryTokens('店')).toEqual([]);
    expect(queryTokens('13')).toEqual([]);
  });
});
