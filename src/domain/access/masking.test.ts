import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone } from './masking.js';

describe('masking', () => {
  it('hides the middle of a mobile and a landline but keeps the last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0731-23456789')).toBe('0731-****6789');
  });
  it('keeps only the family name', () => {
    expect(maskName('李建国')).toBe('李**');
    expect(maskName('王')).toBe('王*');
  });
  it('keeps region and last four of an ID number', () => {
    expect(maskIdNumber('43028119800101123X')).toBe('4302**********123X');
  });
});
