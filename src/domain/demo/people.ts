// People: Chinese names with the surnames common around 醴陵, mobile numbers,
// resident ID numbers (GB 11643) with a valid check digit, and birthdays in the
// solar or the lunar calendar.
import { Solar } from 'lunar-typescript';
import type { Rng } from './random.js';

const SURNAMES = [
  ['刘', 9], ['李', 8], ['王', 7], ['陈', 7], ['张', 6], ['黄', 6], ['易', 5], ['彭', 5], ['周', 4], ['罗', 4], ['何', 3],
  ['文', 3], ['谭', 3], ['丁', 3], ['袁', 2], ['胡', 3], ['肖', 3], ['邓', 3], ['钟', 2], ['唐', 3], ['曾', 2], ['朱', 2],
  ['杨', 3], ['谢', 2], ['吴', 2], ['汤', 2], ['贺', 2], ['左', 1], ['蔡', 1], ['潘', 1], ['廖', 2], ['龙', 1], ['付', 1],
  ['欧阳', 1], ['夏', 1], ['宋', 1], ['林', 1], ['熊', 1], ['郭', 1], ['姚', 1],
] as const;
const MALE = '建国华军伟强明勇志斌杰涛平辉宏刚文波峰海鹏俊林德清春旺福贵发生安'.split('');
const FEMALE = '秀英桂兰芳丽娟敏霞红燕玲琴梅萍凤霞莉娜静艳云珍翠'.split('');
const MIDDLE = '国建志小永德金春新红玉秋'.split('');

export type Sex = 'M' | 'F';

export function surname(rng: Rng): string {
  return rng.weighted(
    SURNAMES.map((s) => s[0]),
    SURNAMES.map((s) => s[1]),
  );
}

export function givenName(rng: Rng, sex: Sex): string {
  const chars = sex === 'M' ? MALE : FEMALE;
  return rng.chance(0.7) ? rng.pick(MIDDLE) + rng.pick(chars) : rng.pick(chars) + (rng.chance(0.3) ? rng.pick(chars) : '');
}

export function personName(rng: Rng, sex: Sex, family?: string): string {
  return (family ?? surname(rng)) + givenName(rng, sex);
}

const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159',
  '173', '177', '180', '181', '182', '183', '186', '187', '188', '189', '191', '199',
] as const;

/** An 11-digit mobile number not yet in `taken`. */
export function mobile(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const n = rng.pick(MOBILE_PREFIXES) + String(rng.int(100_000_000)).padStart(8, '0');
    if (!taken.has(n)) {
      taken.add(n);
      return n;
    }
  }
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11643 check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return '10X98765432'[sum % 11];
}

export function isValidIdNumber(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && idCheckChar(id.slice(0, 17)) === id[17];
}

// Mostly born in 醴陵 (430281, and the old county code 430221 on older cards),
// some from 攸县, 株洲 and 萍乡 across the Jiangxi border.
const AREAS = ['430281', '430221', '430223', '430211', '360302'] as const;
const AREA_WEIGHTS = [85, 5, 4, 3, 3];

/** An 18-digit resident ID: area, birth date, sequence (odd for men), check character. */
export function idNumber(rng: Rng, birth: { y: number; m: number; d: number }, sex: Sex): string {
  const area = rng.weighted(AREAS, AREA_WEIGHTS);
  const seq = rng.int(50) * 2 + (sex === 'M' ? 1 : 0) + rng.range(0, 8) * 100;
  const first17 = `${area}${birth.y}${String(birth.m).padStart(2, '0')}${String(birth.d).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

export function birthDate(rng: Rng, refYear: number, minAge: number, maxAge: number): { y: number; m: number; d: number } {
  const y = refYear - rng.range(minAge, maxAge);
  const m = rng.range(1, 12);
  const d = rng.range(1, new Date(Date.UTC(y, m, 0)).getUTCDate());
  return { y, m, d };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The birthday as stored: the solar date, or the same day in the lunar calendar (leap months as their plain month). */
export function storedBirthday(birth: { y: number; m: number; d: number }, calendar: 'solar' | 'lunar'): string {
  if (calendar === 'solar') return `${birth.y}-${pad(birth.m)}-${pad(birth.d)}`;
  const l = Solar.fromYmd(birth.y, birth.m, birth.d).getLunar();
  return `${l.getYear()}-${pad(Math.abs(l.getMonth()))}-${pad(l.getDay())}`;
}
