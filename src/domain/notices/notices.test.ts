import { describe, expect, it } from 'vitest';
import { checkTemplateText, fill, NOTICE_TEMPLATES, renderTemplate, TemplateError, variablesOf } from './templates.js';
import { TEMPLATE_CODES } from '../../shared/notice-templates.js';
import { smsFigures, smsSegments } from './sms-length.js';
import { inQuietHours, nextSendTime, retryDelaySeconds } from './quiet-hours.js';
import { festivalOn } from './festivals.js';

describe('templates', () => {
  it('fills variables and lists them', () => {
    expect(variablesOf('${a}和${b}和${a}')).toEqual(['a', 'b']);
    expect(fill('您好${shopName}', { shopName: '张三便利店' }, ['shopName'])).toBe('您好张三便利店');
  });
  it('refuses an unknown or missing variable', () => {
    expect(() => fill('${店名}', {}, ['shopName'])).toThrow(TemplateError);
    const e = (() => { try { fill('${shopNme}', { shopName: 'x' }, ['shopName']); } catch (x) { return x as TemplateError; } })();
    expect(e?.kind).toBe('unknown_variable');
    expect(e?.variable).toBe('shopNme');
    expect(() => fill('${shopName}', {}, ['shopName'])).toThrow('missing_variable');
  });
  it('renders a product template', () => {
    const r = renderTemplate('window_nudge', { shopName: '李记', closesAt: '周三 17:00' });
    expect(r.body).toContain('李记');
    expect(r.sms).toContain('17:00');
  });
});

describe('checking an edited template', () => {
  const vars = ['shopName', 'closesAt'];
  it('accepts ${name} of the template’s variables', () => {
    expect(checkTemplateText('${shopName}，本周${closesAt}截止。', vars)).toBeNull();
    expect(checkTemplateText('价格 $5，{备注}', vars)).toBeNull();
  });
  it('names a placeholder written wrongly', () => {
    expect(checkTemplateText('{shopName}您好', vars)).toEqual({ kind: 'placeholder', text: '{shopName}' });
    expect(checkTemplateText('$shopName您好', vars)).toEqual({ kind: 'placeholder', text: '$shopName' });
    expect(checkTemplateText('${}您好', vars)).toEqual({ kind: 'placeholder', text: '${}' });
    expect(checkTemplateText('${shop name}您好', vars)).toEqual({ kind: 'placeholder', text: '${shop name}' });
    expect(checkTemplateText('您好${shopName', vars)?.kind).toBe('placeholder');
  });
  it('names a variable the template does not fill', () => {
    expect(checkTemplateText('${shopName}${opensAt}', vars)).toEqual({ kind: 'unknown_variable', variable: 'opensAt' });
  });
  it('the editor lists every generator’s template but a person’s own notice', () => {
    expect([...TEMPLATE_CODES].sort()).toEqual(Object.keys(NOTICE_TEMPLATES).filter((c) => c !== 'urgent').sort());
  });
});

describe('SMS length', () => {
  it('70 characters is one message, then parts of 67', () => {
    expect(smsSegments(70)).toBe(1);
    expect(smsSegments(71)).toBe(2);
    expect(smsSegments(134)).toBe(2);
    expect(smsSegments(135)).toBe(3);
  });
  it('counts the signature and code points', () => {
    expect(smsFigures('你好', '烟草').chars).toBe(6);
    expect(smsFigures('😀', 'a').chars).toBe(4);
    expect(smsFigures('字'.repeat(400), '烟草').tooLong).toBe(true);
  });
});

describe('quiet hours (Shanghai)', () => {
  it('21:00–08:00 is quiet', () => {
    expect(inQuietHours(new Date('2026-11-24T13:00:00Z'))).toBe(true); // 21:00
    expect(inQuietHours(new Date('2026-11-24T12:59:00Z'))).toBe(false); // 20:59
    expect(inQuietHours(new Date('2026-11-24T23:59:00Z'))).toBe(true); // 07:59
    expect(inQuietHours(new Date('2026-11-25T00:00:00Z'))).toBe(false); // 08:00
  });
  it('a message due in quiet hours waits until 08:00; urgent does not', () => {
    const late = new Date('2026-11-24T14:30:00Z'); // 22:30
    expect(nextSendTime(late, false).toISOString()).toBe('2026-11-25T00:00:00.000Z');
    expect(nextSendTime(late, true)).toBe(late);
    const day = new Date('2026-11-24T03:00:00Z');
    expect(nextSendTime(day, false)).toBe(day);
  });
  it('backs off doubling to an hour', () => {
    expect([1, 2, 3].map(retryDelaySeconds)).toEqual([30, 60, 120]);
    expect(retryDelaySeconds(20)).toBe(3600);
  });
});

describe('festivals', () => {
  it('finds Spring Festival, Lantern and Mid-Autumn by the lunar calendar', () => {
    expect(festivalOn('2027-02-06')?.key).toBe('spring');
    expect(festivalOn('2027-02-20')?.key).toBe('lantern');
    expect(festivalOn('2026-09-25')?.key).toBe('mid_autumn');
    expect(festivalOn('2026-11-24')).toBeNull();
  });
});
