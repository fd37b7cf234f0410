// One file per retailer (一户一档): identity, shop, family, care and licence
// facts, drawn to look like a county's real register.
import { retailerSearchTokens } from '../retailers/search-tokens.js';
import { addDays, isoDate } from './calendar.js';
import { birthDate, idNumber, mobile, personName, storedBirthday, surname, type Sex } from './people.js';
import type { Rng } from './random.js';
import type { Setting, Site } from './retailer-sites.js';
import { shopName } from './shop-names.js';
import { COUNTY, TOWNS } from './places.js';

/** The shape of retailers.family_members. */
export type FamilyMember = { name: string; relation: string; phone?: string; note?: string };

export type RetailerFile = {
  customerCode: string;
  licenceNo: string;
  shopName: string;
  shopNameInitials: string;
  searchTokens: string[];
  address: string;
  phone: string;
  legalPerson: string;
  legalPersonIdNo: string;
  businessFormat: string;
  districtType: string;
  network: 'urban' | 'rural';
  setting: Setting;
  township: string;
  village: string | null;
  station: number;
  eSettlement: boolean;
  settlementMethod: 'bank_deduction' | 'pos' | 'cash';
  familyMembers: FamilyMember[];
  familyNote: string;
  specialGroups: string[];
  birthday: string;
  birthdayCalendar: 'solar' | 'lunar';
  storeImage: string;
  storeAreaM2: number;
  lat: number;
  lng: number;
  openedOn: string;
  /** Last day the shop traded (it stopped ordering), or null while it trades. */
  closedOn: string | null;
  status: 'active' | 'suspended' | 'cancelled';
  licenceValidUntil: string;
};

const FORMATS = ['Z', 'B', 'S', 'N', 'Y', 'F', 'Q'] as const;
const FORMAT_WEIGHTS: Record<Setting, number[]> = {
  city: [28, 36, 12, 2, 13, 5, 4],
  town: [46, 25, 10, 1, 10, 4, 4],
  village: [76, 10, 4, 0, 4, 2, 4],
};
const DISTRICTS = ['commercial', 'residential', 'market', 'transport', 'school', 'industrial', 'tourism', 'village'] as const;
const DISTRICT_WEIGHTS: Record<Setting, number[]> = {
  city: [25, 35, 10, 8, 10, 8, 4, 0],
  town: [10, 25, 35, 5, 15, 0, 0, 10],
  village: [0, 10, 0, 0, 5, 5, 5, 75],
};
const AREA_M2: Record<string, [number, number]> = {
  Z: [12, 40], B: [25, 80], S: [80, 400], N: [300, 2000], Y: [20, 70], F: [50, 300], Q: [10, 50],
};
const IMAGE_BASE: Record<Setting, number> = { city: 0.55, town: 0.4, village: 0.25 };

const FAMILY_NOTES = [
  '夫妻共同经营，子女在外务工',
  '本人经营，配偶在本地上班',
  '家有老人需照顾，营业时间较短',
  '子女在县城读书，周末由配偶看店',
  '兼营农资和日用品',
  '家庭和睦，经营稳定',
  '店面为自有房屋',
  '店面租赁，租期三年',
  '儿子准备接手经营',
  '',
] as const;

/** What stays the same for the whole run: the reference day and the code sets already used. */
export type RetailerContext = { today: Date; phones: Set<string>; names: Set<string> };

function pickIndex(rng: Rng, weights: readonly number[]): number {
  return rng.weighted(
    weights.map((_, i) => i),
    weights,
  );
}

function address(rng: Rng, site: Site): string {
  const town = TOWNS.find((t) => t.name === site.township)!;
  if (site.village) return `${COUNTY.short}${site.township}${site.village}${rng.range(1, 14)}组`;
  return `${COUNTY.short}${site.township}${rng.pick(town.roads)}${rng.range(1, site.setting === 'city' ? 399 : 160)}号`;
}

function family(rng: Rng, owner: string, ownerSex: Sex, phones: Set<string>, older: boolean): FamilyMember[] {
  const members: FamilyMember[] = [];
  const ownerFamily = owner.startsWith('欧阳') ? '欧阳' : owner[0];
  let childFamily = ownerFamily;
  if (rng.chance(0.78)) {
    const spouse = personName(rng, ownerSex === 'M' ? 'F' : 'M');
    if (ownerSex === 'F') childFamily = spouse.startsWith('欧阳') ? '欧阳' : spouse[0];
    members.push({ name: spouse, relation: ownerSex === 'M' ? '妻子' : '丈夫', phone: rng.chance(0.7) ? mobile(rng, phones) : undefined });
  }
  const children = rng.weighted([0, 1, 2], [2, 5, 3]);
  for (let i = 0; i < children; i++) {
    const sex: Sex = rng.chance(0.5) ? 'M' : 'F';
    members.push({
      name: personName(rng, sex, childFamily),
      relation: sex === 'M' ? '儿子' : '女儿',
      ...(older && rng.chance(0.5) ? { phone: mobile(rng, phones), note: rng.pick(['在广东务工', '在长沙工作', '在株洲上班', '在家帮忙看店']) } : {}),
    });
  }
  if (!older && rng.chance(0.25)) members.push({ name: personName(rng, rng.chance(0.5) ? 'M' : 'F', ownerFamily), relation: rng.pick(['父亲', '母亲']) });
  return members.map((m) => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)) as FamilyMember);
}

/** Licences run five years from opening and are renewed; the date shown is the current term's end. */
function licenceEnd(opened: Date, until: Date): string {
  let end = new Date(Date.UTC(opened.getUTCFullYear() + 5, opened.getUTCMonth(), opened.getUTCDate()));
  while (end < until) end = new Date(Date.UTC(end.getUTCFullYear() + 5, end.getUTCMonth(), end.getUTCDate()));
  return isoDate(end);
}

export function generateRetailer(rng: Rng, index: number, site: Site, ctx: RetailerContext): RetailerFile {
  const refYear = ctx.today.getUTCFullYear();
  const businessFormat = FORMATS[pickIndex(rng, FORMAT_WEIGHTS[site.setting])];
  let districtType: string = DISTRICTS[pickIndex(rng, DISTRICT_WEIGHTS[site.setting])];
  if ((businessFormat === 'N' || businessFormat === 'F') && site.setting !== 'village') districtType = 'commercial';

  const sex: Sex = rng.chance(0.62) ? 'M' : 'F';
  const family0 = surname(rng);
  const legalPerson = personName(rng, sex, family0);
  const birth = birthDate(rng, refYear, 24, 72);
  const older = refYear - birth.y >= 50;
  const birthdayCalendar = rng.chance(older ? 0.45 : 0.15) ? 'lunar' : 'solar';

  const customerCode = `4302${String(10_000_000 + index * 17 + rng.int(17))}`;
  const licenceNo = `${COUNTY.adcode}${String(100_000 + index * 29 + rng.int(29))}`;
  const name = shopName(rng, businessFormat, family0, site.village ?? site.township, site.township, ctx.names);
  const phone = mobile(rng, ctx.phones);
  const addr = address(rng, site);
  const search = retailerSearchTokens({ shopName: name, customerCode, licenceNo, phone, address: addr, legalPerson });

  const settlementMethod = rng.weighted(['bank_deduction', 'pos', 'cash'] as const, site.setting === 'village' ? [74, 8, 18] : [84, 11, 5]);
  const specialGroups: string[] = [];
  if (site.setting !== 'city' && older && rng.chance(0.03)) specialGroups.push('wubao');
  if (rng.chance(0.016)) specialGroups.push('disabled');
  if (rng.chance(0.006)) specialGroups.push('martyr');
  const wubao = specialGroups.includes('wubao');
  const familyMembers = wubao ? [] : family(rng, legalPerson, sex, ctx.phones, older);
  const noteParts: string[] = [rng.pick(FAMILY_NOTES)];
  if (wubao) noteParts.splice(0, 1, '五保户，独居，由村委会协助照顾');
  if (specialGroups.includes('disabled')) noteParts.push(rng.pick(['本人肢体残疾，行动不便', '本人听力残疾，电话联系请发短信', '配偶残疾，需要照顾']));
  if (specialGroups.includes('martyr')) noteParts.push('烈士家属，逢年过节走访慰问');

  const image = IMAGE_BASE[site.setting] + (['S', 'N', 'Y'].includes(businessFormat) ? 0.25 : 0) + (rng.next() - 0.5) * 0.5;
  const storeImage = image > 0.8 ? 'A' : image > 0.5 ? 'B' : image > 0.2 ? 'C' : 'D';
  const [lo, hi] = AREA_M2[businessFormat];
  const storeAreaM2 = Math.round(lo + (hi - lo) * rng.next() ** 1.6);

  // Lifecycle: most shops predate the history, some open during it, some close.
  const twoYears = 730;
  const opened = rng.chance(0.05)
    ? addDays(ctx.today, -rng.range(30, twoYears))
    : addDays(ctx.today, -rng.range(twoYears + 30, 365 * 26));
  const sinceOpening = Math.round((ctx.today.getTime() - opened.getTime()) / 86_400_000);
  const closes = sinceOpening > 120 && rng.chance(0.065);
  const closed = closes ? addDays(ctx.today, -rng.range(14, Math.min(twoYears, sinceOpening - 90))) : null;
  const status = closed ? (rng.chance(0.75) ? 'cancelled' : 'suspended') : 'active';
  const licenceValidUntil = status === 'cancelled' ? isoDate(closed!) : licenceEnd(opened, ctx.today);

  return {
    customerCode,
    licenceNo,
    shopName: name,
    shopNameInitials: search.initials,
    searchTokens: search.tokens,
    address: addr,
    phone,
    legalPerson,
    legalPersonIdNo: idNumber(rng, birth, sex),
    businessFormat,
    districtType,
    network: site.network,
    setting: site.setting,
    township: site.township,
    village: site.village,
    station: site.station,
    eSettlement: settlementMethod !== 'cash',
    settlementMethod,
    familyMembers,
    familyNote: noteParts.filter(Boolean).join('；'),
    specialGroups,
    birthday: storedBirthday(birth, birthdayCalendar),
    birthdayCalendar,
    storeImage,
    storeAreaM2,
    lat: site.lat,
    lng: site.lng,
    openedOn: isoDate(opened),
    closedOn: closed ? isoDate(closed) : null,
    status,
    licenceValidUntil,
  };
}
