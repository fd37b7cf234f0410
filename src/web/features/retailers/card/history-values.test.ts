import { describe, expect, it } from 'vitest';
import { zh } from '../../../i18n/zh.js';
import { en } from '../../../i18n/en.js';
import { fieldLabel, historyValue } from './history-values.js';

const grids = new Map([[3, '城东一网格']]);

describe('history values', () => {
  it('names fields in the chosen language', () => {
    expect(fieldLabel('address', zh)).toBe('经营地址');
    expect(fieldLabel('storeImage', en)).toBe('Store image');
    expect(fieldLabel('somethingNew', zh)).toBe('somethingNew');
  });

  it('shows codes by their labels, grids by name and empty values plainly', () => {
    expect(historyValue('businessFormat', 'B', zh, 'zh', grids)).toBe('便利店');
    expect(historyValue('storeImage', 'A', en, 'en', grids)).toBe('A Excellent');
    expect(historyValue('orderWeekday', 3, zh, 'zh', grids)).toBe('周三');
    expect(historyValue('gridId', 3, zh, 'zh', grids)).toBe('城东一网格');
    expect(historyValue('gridId', 9, zh, 'zh', grids)).toBe('#9');
    expect(historyValue('eSettlement', true, zh, 'zh', grids)).toBe('是');
    expect(historyValue('specialGroups', ['wubao', 'martyr'], zh, 'zh', grids)).toBe('五保户、烈士家庭');
    expect(historyValue('birthday', null, zh, 'zh', grids)).toBe('（空）');
    expect(historyValue('familyMembers', [{ name: '李梅', relation: '妻子' }], zh, 'zh', grids)).toBe('1 人：李梅（妻子）');
  });
});
