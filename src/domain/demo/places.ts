// The demo county's places: the four urban sub-districts (街道) and nineteen
// towns of 醴陵市 at their approximate positions, and generated villages
// around each town. Each township belongs to one service station.
import { distanceKm, inRing, pullInside, roundPosition, type LatLng } from './geometry.js';
import type { Rng } from './random.js';

export type TownKind = 'street' | 'town' | 'township';

export type Town = LatLng & {
  name: string;
  kind: TownKind;
  /** Residents of the whole township. */
  population: number;
  /** 1-based index into STATIONS. */
  station: number;
  /** Streets of the town centre (or the city roads of a 街道), for addresses. */
  roads: readonly string[];
};

export type Village = LatLng & { name: string; township: string; population: number };

export const COUNTY = { code: 'liling', name: '醴陵市烟草专卖局（营销部）', adcode: '430281', short: '醴陵市' } as const;

export const STATIONS = [
  { code: 'S1', name: '城区服务站', seat: '来龙门街道' },
  { code: 'S2', name: '东富服务站', seat: '东富镇' },
  { code: 'S3', name: '浦口服务站', seat: '浦口镇' },
  { code: 'S4', name: '白兔潭服务站', seat: '白兔潭镇' },
  { code: 'S5', name: '泗汾服务站', seat: '泗汾镇' },
] as const;

const CITY_ROADS = ['瓷城大道', '解放路', '建设路', '西山路', '渌江路', '胜利路', '南正街', '北正街', '东正街', '迎宾大道', '陶瓷路', '恒昌路', '人民路', '紫薇路', '状元路', '车站路'] as const;
const TOWN_ROADS = ['正街', '新街', '老街', '建设路', '商贸街', '车站路', '学校路', '市场路'] as const;

const town = (name: string, kind: TownKind, lat: number, lng: number, population: number, station: number, roads: readonly string[] = TOWN_ROADS): Town => ({
  name, kind, lat, lng, population, station, roads,
});

export const TOWNS: readonly Town[] = [
  town('来龙门街道', 'street', 27.65, 113.495, 120_000, 1, CITY_ROADS.slice(0, 8)),
  town('阳三石街道', 'street', 27.672, 113.52, 90_000, 1, CITY_ROADS.slice(6, 14)),
  town('国瓷街道', 'street', 27.63, 113.515, 70_000, 1, ['瓷城大道', '陶瓷路', '国瓷路', '南环路', '工业大道', '恒昌路']),
  town('仙岳山街道', 'street', 27.662, 113.472, 60_000, 1, ['西山路', '仙岳路', '人民路', '渌江路', '状元路', '车站路']),
  town('东富镇', 'town', 27.69, 113.6, 52_000, 2),
  town('明月镇', 'town', 27.76, 113.69, 30_000, 2),
  town('沩山镇', 'town', 27.805, 113.635, 24_000, 2),
  town('官庄镇', 'town', 27.76, 113.525, 30_000, 2),
  town('板杉镇', 'town', 27.615, 113.585, 35_000, 2),
  town('浦口镇', 'town', 27.69, 113.39, 60_000, 3),
  town('均楚镇', 'town', 27.72, 113.3, 35_000, 3),
  town('嘉树乡', 'township', 27.62, 113.22, 24_000, 3),
  town('石亭镇', 'town', 27.56, 113.3, 40_000, 3),
  town('李畋镇', 'town', 27.735, 113.44, 40_000, 3),
  town('白兔潭镇', 'town', 27.86, 113.61, 55_000, 4),
  town('王仙镇', 'town', 27.82, 113.42, 45_000, 4),
  town('枫林镇', 'town', 27.875, 113.51, 30_000, 4),
  town('泗汾镇', 'town', 27.54, 113.47, 60_000, 5),
  town('船湾镇', 'town', 27.585, 113.54, 40_000, 5),
  town('孙家湾镇', 'town', 27.505, 113.565, 35_000, 5),
  town('茶山镇', 'town', 27.465, 113.44, 35_000, 5),
  town('神福港镇', 'town', 27.495, 113.36, 40_000, 5),
  town('左权镇', 'town', 27.45, 113.515, 35_000, 5),
];

const VILLAGE_PREFIXES = [
  '石门', '新塘', '枫树', '龙泉', '桃花', '竹山', '杨柳', '高桥', '大屋', '长岭', '丰收', '金鸡', '马鞍', '洪源', '清水', '荷叶',
  '花果', '泉塘', '白果', '黄沙', '青山', '双江', '三星', '五里', '八角', '新华', '红旗', '东升', '西湖', '南阳', '北山', '中心',
  '团结', '光明', '和平', '兴隆', '富里', '平安', '长兴', '太平', '梅林', '杉木', '松柏', '茶园', '鹅公', '狮子', '凤形', '龙塘',
  '仙霞', '瓦子', '田心', '樟树', '柏林', '新田', '大坪', '塘湾', '观音', '铁山', '栗山', '莲花',
] as const;
const VILLAGE_SUFFIXES = ['', '冲', '湾', '坪', '桥', '岭', '坡', '垅', '铺', '洲', '源', '山'] as const;

function villageName(rng: Rng, taken: Set<string>): string {
  for (let i = 0; i < 100; i++) {
    const prefix = rng.pick(VILLAGE_PREFIXES);
    const suffix = rng.chance(0.55) ? '' : rng.pick(VILLAGE_SUFFIXES);
    const name = `${prefix}${suffix}村`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  throw new Error('out of village names');
}

/** Hand-placed town centres, pulled inside the boundary should one fall just outside it. */
export function placeTowns(inside: (p: LatLng) => boolean, centre: LatLng): Town[] {
  return TOWNS.map((t) => (inside(t) ? t : { ...t, ...roundPosition(pullInside(t, centre, inside)) }));
}

/**
 * Villages around each town (not the 街道): inside the boundary, nearer their
 * own town centre than any other, at least a kilometre apart.
 */
export function generateVillages(rng: Rng, towns: readonly Town[], inside: (p: LatLng) => boolean): Village[] {
  const taken = new Set<string>();
  const out: Village[] = [];
  for (const t of towns) {
    if (t.kind === 'street') continue;
    const count = Math.round((t.population / 2_400) * (0.85 + rng.next() * 0.3));
    const own: LatLng[] = [];
    for (let i = 0; i < count; i++) {
      let p: LatLng | undefined;
      for (let attempt = 0; attempt < 80 && !p; attempt++) {
        const q = inRing(rng, t, 1.4, 7.5);
        if (!inside(q)) continue;
        const dOwn = distanceKm(q, t);
        if (towns.some((o) => o !== t && distanceKm(q, o) < dOwn)) continue;
        if (own.some((v) => distanceKm(q, v) < 1.0)) continue;
        p = q;
      }
      if (!p) continue;
      own.push(p);
      const population = Math.round(Math.min(4200, Math.max(350, 1400 * Math.exp(rng.normal() * 0.45))) / 10) * 10;
      out.push({ name: villageName(rng, taken), township: t.name, population, ...roundPosition(p) });
    }
  }
  return out;
}
