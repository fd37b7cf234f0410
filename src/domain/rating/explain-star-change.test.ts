import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME as S } from './default-scheme.js';
import { explainStarChange } from './explain-star-change.js';
import { rateStar } from './score-star.js';
import { retailer } from './test-fixtures.js';

describe('why did my star change', () => {
  // Last month: 1000 cartons (20 件) with 31 class-1 (3.1%) at 120 元. This month
  // 500 cartons (10 件) with 9 class-1 (1.8%), image fell from B to C.
  const prev = rateStar(retailer({}, { cartons: 1000, valueYuan: 120000, class1Cartons: 31 }), S, '2026-09');
  const cur = rateStar(retailer({ storeImage: 'C' }, { cartons: 500, valueYuan: 60000, class1Cartons: 9 }), S, '2026-10');
  const e = explainStarChange(prev, cur);

  it('ranks the items by how much each moved the total', () => {
    expect(e.items.slice(0, 3).map((i) => [i.id, i.delta])).toEqual([
      ['volume', -3], // ties keep the scheme's order
      ['storeImage', -3],
      ['class1Share', -2],
    ]);
    expect(e.items.slice(3).every((i) => i.delta === 0)).toBe(true);
    expect(e.score - e.prevScore).toBe(-8);
  });

  it('says each change in plain Chinese and English', () => {
    const share = e.items.find((i) => i.id === 'class1Share')!;
    expect(share.text.zh).toBe('本月一类烟占比 1.8%（上月 3.1%），得分 4 分（上月 6 分），少得 2 分');
    expect(share.text.en).toBe('Class-1 share this month: 1.8% (last month 3.1%), 4 points (last month 6), 2 fewer');
    expect(e.items.find((i) => i.id === 'volume')!.text.zh).toBe('本月订购量 10 件（上月 20 件），得分 12 分（上月 15 分），少得 3 分');
    expect(e.items.find((i) => i.id === 'avgPrice')!.text.zh).toBe('本月条均价 120 元（上月 120 元），得分 12 分，与上月持平');
  });

  it('heads the explanation with the total and the star', () => {
    // prev: 20+15+6+12+4+8+3+4+5+7 = 84 → 4 stars; now 76 → 4 stars
    expect([e.prevScore, e.score]).toEqual([84, 76]);
    expect(e.summary[0].zh).toBe('10月总分 76 分（9月 84 分），保持4星');
  });

  it('notes a star line that moved and a new scheme version', () => {
    const prevRanked = { ...prev, star: 5, cutoffs: [0, 50, 60, 70, 80, 92] };
    const curRanked = { ...cur, schemeVersion: 'x-2', cutoffs: [0, 52, 62, 72, 82, 93] };
    const x = explainStarChange(prevRanked, curRanked);
    expect(x.summary[0].zh).toBe('10月总分 76 分（9月 84 分），由5星降为4星');
    expect(x.summary.map((s) => s.zh)).toContain('5星的分数线本月为 82 分（上月 80 分）');
    expect(x.summary.at(-1)!.zh).toContain('x-2');
  });

  it('shows a value cut, not rounded, so it never seems to reach a band it missed', () => {
    const near = rateStar(retailer({}, { cartons: 10000, class1Cartons: 2596, valueYuan: 10000 * 149.99 }), S, '2026-10');
    const x = explainStarChange(near, near);
    expect(x.items.find((i) => i.id === 'class1Share')!.text.zh).toContain('25.9%');
    expect(x.items.find((i) => i.id === 'avgPrice')!.text.zh).toContain('149.9 元');
  });

  it('says when e-settlement was not opened', () => {
    const off = rateStar(retailer({ eSettlementSuccessPct: null }), S, '2026-10');
    const x = explainStarChange(rateStar(retailer(), S, '2026-09'), off);
    expect(x.items[0].text.zh).toBe('电子结算扣款成功率 未开通（上月 100%），得分 0 分（上月 7 分），少得 7 分');
  });
});
