import { describe, expect, it } from 'vitest';
import { dragonBoat, lanternFestival, minorFestivalEffects, qingming, weekFactor } from './spring-festival.js';

const monday = (d: string) => new Date(`${d}T00:00:00Z`);

describe('the smaller festivals in the demo orders (decision 1816)', () => {
  it('finds 元宵, 清明 and 端午 as they move', () => {
    expect([lanternFestival(2025), lanternFestival(2026)]).toEqual(['2025-02-12', '2026-03-03']);
    expect([qingming(2025), qingming(2026)]).toEqual(['2025-04-04', '2026-04-05']);
    expect([dragonBoat(2025), dragonBoat(2026)]).toEqual(['2025-05-31', '2026-06-19']);
  });

  it('lifts village shops the week of 元宵 and of 清明, and gift brands the two weeks before 端午', () => {
    expect(minorFestivalEffects(monday('2026-03-02')).setting).toEqual({ city: 1, town: 1.06, village: 1.12 });
    expect(minorFestivalEffects(monday('2026-03-23')).setting).toEqual({ city: 1, town: 1, village: 1.06 });
    expect(minorFestivalEffects(monday('2026-03-30')).setting).toEqual({ city: 0.96, town: 1.05, village: 1.15 });
    expect(minorFestivalEffects(monday('2026-06-01')).priceClass).toEqual([1.08, 1.04, 1, 1, 1]);
    expect(minorFestivalEffects(monday('2026-06-08')).priceClass).toEqual([1.18, 1.08, 1, 1, 1]);
    // 端午 2025 fell on Saturday 31 May: the week before is the one of 19 May.
    expect(minorFestivalEffects(monday('2025-05-19')).priceClass[0]).toBe(1.18);
  });

  it('leaves every other week and the county-wide factor alone', () => {
    for (const d of ['2026-06-15', '2026-07-06', '2026-09-21', '2026-11-16']) {
      expect(minorFestivalEffects(monday(d))).toEqual({ setting: { city: 1, town: 1, village: 1 }, priceClass: [1, 1, 1, 1, 1] });
    }
    expect(weekFactor(monday('2026-03-30'))).toBe(1);
  });
});
