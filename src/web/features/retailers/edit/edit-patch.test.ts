import { describe, expect, it } from 'vitest';
import type { RetailerCard } from '../../../../shared/retailer.js';
import { buildPatch, fieldNameOf, formValuesOf } from './edit-patch.js';

const card: RetailerCard = {
  id: 7,
  version: 3,
  customerCode: '430281100123',
  licenceNo: '430281200456',
  shopName: '百乐多便利店',
  address: '城关镇解放路 12 号',
  phone: '13812345678',
  legalPerson: '王建国',
  legalPersonIdNo: null,
  businessFormat: 'B',
  districtType: 'residential',
  network: 'urban',
  gridId: 2,
  gridName: '城关一网格',
  stationId: 1,
  stationName: '城关站',
  workerName: '李明',
  eSettlement: true,
  settlementMethod: 'bank_deduction',
  lastSettlementStatus: 'deducted',
  orderWeekday: 2,
  familyMembers: [{ name: '李梅', relation: '妻子', phone: '13900001111' }],
  familyNote: '',
  specialGroups: ['wubao'],
  birthday: '1975-03-12',
  birthdayCalendar: 'lunar',
  nextBirthday: '2027-04-18',
  storeImage: 'B',
  storeAreaM2: 40,
  lat: 27.6,
  lng: 113.5,
  star: 4,
  tier: 12,
  classCode: 'CB2',
  status: 'active',
  licenceValidUntil: null,
  openedOn: null,
  updatedAt: '2026-11-01T00:00:00Z',
  masked: { phone: false, family: false, idNumber: true },
  sales: { months: [], trendPerMonth: 0, avgMonthlyQty: 0, lastOrderDate: null },
};

describe('edit patch', () => {
  it('sends nothing but the version when nothing changed', () => {
    const r = buildPatch(card, formValuesOf(card));
    expect(r).toEqual({ ok: true, changed: [], patch: { version: 3 } });
  });

  it('sends only the changed fields, trimmed, with the version', () => {
    const r = buildPatch(card, { ...formValuesOf(card), address: '  城关镇解放路 14 号 ', storeImage: 'A', specialGroups: ['wubao'] });
    expect(r).toEqual({ ok: true, changed: ['address', 'storeImage'], patch: { address: '城关镇解放路 14 号', storeImage: 'A', version: 3 } });
  });

  it('treats emptied optional fields as null and an emptied family phone as absent', () => {
    const v = formValuesOf(card);
    const r = buildPatch(card, { ...v, birthday: '', familyMembers: [{ name: '李梅', relation: '妻子', phone: '' }] });
    expect(r.ok && r.patch).toEqual({ birthday: null, familyMembers: [{ name: '李梅', relation: '妻子' }], version: 3 });
  });

  it('reports schema errors by field with the shared message codes', () => {
    const v = formValuesOf(card);
    const r = buildPatch(card, { ...v, phone: '12345', shopName: ' ', familyMembers: [{ name: '李梅', relation: '妻子', phone: '999' }] });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual(
        expect.arrayContaining([
          { name: ['phone'], code: 'phone_format' },
          { name: ['shopName'], code: 'required' },
          { name: ['familyMembers', 0, 'phone'], code: 'phone_format' },
        ]),
      );
  });

  it('never sends a field this viewer sees masked', () => {
    const r = buildPatch({ ...card, legalPersonIdNo: '4302**********1234' }, { ...formValuesOf(card), legalPersonIdNo: '4302**********1235' });
    expect(r).toEqual({ ok: true, changed: [], patch: { version: 3 } });
  });

  it('turns server field paths into form names', () => {
    expect(fieldNameOf('familyMembers.0.phone')).toEqual(['familyMembers', 0, 'phone']);
    expect(fieldNameOf('lat')).toEqual(['lat']);
  });
});
