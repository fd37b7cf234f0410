import { describe, expect, it } from 'vitest';
import { careOccasions, licenceAnniversaries, springFestival, SPRING_VISIT_DAYS_BEFORE } from './care-calendar.js';
import { checkPhoto } from './care-photo.js';

const shop = (over: Partial<Parameters<typeof careOccasions>[0][number]> = {}) => ({ id: 1, shopName: '张记', birthday: null, birthdayCalendar: 'solar', openedOn: null, groups: ['elderly_alone'], ...over });

describe('care calendar', () => {
  it('knows Spring Festival', () => {
    expect(springFestival(2027)).toBe('2027-02-06');
    expect(springFestival(2026)).toBe('2026-02-17');
  });

  it('plans a Spring Festival visit five days before, for register shops only', () => {
    const due = '2027-02-01';
    expect(SPRING_VISIT_DAYS_BEFORE).toBe(5);
    const got = careOccasions([shop(), shop({ id: 2, groups: [] })], '2027-01-25', 14);
    expect(got).toEqual([{ retailerId: 1, kind: 'spring_festival_visit', dueOn: due, key: 'spring:1:2027', title: '张记 春节走访慰问' }]);
    expect(careOccasions([shop()], '2027-02-02', 14)).toEqual([]);
  });

  it('plans a birthday visit on the lunar birthday', () => {
    // 农历十月十八 in 2026 is 26 November (lunar-typescript).
    const got = careOccasions([shop({ birthday: '1958-10-18', birthdayCalendar: 'lunar' })], '2026-11-24', 14);
    expect(got).toEqual([{ retailerId: 1, kind: 'birthday_visit', dueOn: '2026-11-26', key: 'birthday:1:2026-11-26', title: '张记 生日走访' }]);
    expect(careOccasions([shop({ birthday: '1958-10-18', birthdayCalendar: 'lunar' })], '2026-11-27', 14)).toEqual([]);
  });

  it('greets licence anniversaries on the day, 29 February on the 28th in common years', () => {
    const shops = [{ id: 1, openedOn: '2019-11-24' }, { id: 2, openedOn: '2026-11-24' }, { id: 3, openedOn: '2020-02-29' }, { id: 4, openedOn: null }];
    expect(licenceAnniversaries(shops, '2026-11-24')).toEqual([{ retailerId: 1, date: '2026-11-24', years: 7, key: 'licence_anniversary:2026:1' }]);
    expect(licenceAnniversaries(shops, '2027-02-28').map((a) => a.retailerId)).toEqual([3]);
  });
});

describe('care photo', () => {
  it('trusts the bytes, not the declared type', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]).toString('base64');
    expect(checkPhoto(`data:image/png;base64,${png}`)).toMatchObject({ ok: true, contentType: 'image/png' });
    expect(checkPhoto(`data:image/jpeg;base64,${png}`)).toEqual({ ok: false, code: 'care_photo_invalid' });
    expect(checkPhoto(`data:image/svg+xml;base64,${png}`)).toEqual({ ok: false, code: 'care_photo_type' });
    const big = Buffer.alloc(400_001, 0xff);
    expect(checkPhoto(`data:image/jpeg;base64,${big.toString('base64')}`)).toEqual({ ok: false, code: 'photo_too_large' });
  });
});
