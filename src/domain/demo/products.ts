// The cigarette specs (卷烟规格) on sale in the demo county. Prices are per
// carton (条, 10 packs); the price class follows from the wholesale price.
// Hunan-made brands (湖南中烟: 芙蓉王, 白沙) dominate a Hunan county's sales.

export type Product = {
  code: string;
  brand: string;
  name: string;
  maker: string;
  /** 1 = 一类 … 5 = 五类 */
  priceClass: number;
  wholesalePrice: number;
  retailPrice: number;
  provinceMade: boolean;
  scarce: boolean;
  isNew: boolean;
  /** Relative popularity among retailers who stock the class. */
  popularity: number;
};

/** Lower bounds of wholesale price per carton for classes 1–4 (元); below the last is class 5. */
export const PRICE_CLASS_FLOORS = [180, 110, 70, 50] as const;

export function priceClassOf(wholesalePerCarton: number): number {
  const i = PRICE_CLASS_FLOORS.findIndex((floor) => wholesalePerCarton >= floor);
  return i === -1 ? 5 : i + 1;
}

const MAKERS: Record<string, { prefix: string; brands: string[] }> = {
  湖南中烟: { prefix: '6901009', brands: ['芙蓉王', '白沙'] },
  上海烟草: { prefix: '6901028', brands: ['中华', '牡丹', '大前门'] },
  湖北中烟: { prefix: '6901036', brands: ['黄鹤楼', '红金龙'] },
  浙江中烟: { prefix: '6901042', brands: ['利群'] },
  红塔集团: { prefix: '6901055', brands: ['玉溪', '红塔山', '红梅'] },
  红云红河: { prefix: '6901061', brands: ['云烟'] },
  广西中烟: { prefix: '6901073', brands: ['真龙'] },
  江苏中烟: { prefix: '6901080', brands: ['南京', '苏烟'] },
  四川中烟: { prefix: '6901097', brands: ['娇子'] },
  福建中烟: { prefix: '6901103', brands: ['七匹狼'] },
  广东中烟: { prefix: '6901117', brands: ['双喜'] },
  贵州中烟: { prefix: '6901124', brands: ['贵烟'] },
  河北中烟: { prefix: '6901132', brands: ['钻石'] },
  安徽中烟: { prefix: '6901148', brands: ['黄山'] },
  河南中烟: { prefix: '6901155', brands: ['黄金叶'] },
  山东中烟: { prefix: '6901162', brands: ['泰山'] },
  北京卷烟厂: { prefix: '6901179', brands: ['中南海'] },
  吉林烟草: { prefix: '6901186', brands: ['长白山'] },
};

// brand, spec, retail price per pack (元), flags: S scarce, N new, H a best seller.
const SPECS: [string, string, number, string?][] = [
  ['芙蓉王', '硬', 25, 'H'], ['芙蓉王', '硬细支', 30], ['芙蓉王', '软蓝', 45], ['芙蓉王', '硬中支', 32, 'N'],
  ['芙蓉王', '钻石', 100, 'S'], ['芙蓉王', '硬蓝', 35], ['芙蓉王', '软黄', 55],
  ['白沙', '和天下', 100, 'S'], ['白沙', '和中支', 40, 'N'], ['白沙', '和气生财', 24], ['白沙', '和精品', 20],
  ['白沙', '精品三代', 15, 'N'], ['白沙', '精品二代', 13, 'H'], ['白沙', '新精品', 11], ['白沙', '精品', 10, 'H'],
  ['白沙', '尚品', 9], ['白沙', '硬红运当头', 8, 'S'], ['白沙', '软红运', 7], ['白沙', '金世纪', 6.5],
  ['白沙', '银世纪', 5.5], ['白沙', '硬', 5, 'H'], ['白沙', '软', 3.5],
  ['中华', '硬', 45, 'S'], ['中华', '软', 65, 'S'], ['中华', '双中支', 60, 'S'], ['中华', '细支', 55], ['中华', '金中支', 70, 'N'],
  ['牡丹', '软', 7], ['大前门', '软', 4],
  ['黄鹤楼', '1916', 100, 'S'], ['黄鹤楼', '硬珍品', 25], ['黄鹤楼', '软蓝', 19, 'H'], ['黄鹤楼', '硬金砂', 15],
  ['黄鹤楼', '软黄天下名楼', 50], ['黄鹤楼', '硬峡谷情', 30],
  ['红金龙', '硬神州腾飞', 13], ['红金龙', '软', 8],
  ['利群', '新版', 14, 'H'], ['利群', '软红长嘴', 50], ['利群', '阳光', 20], ['利群', '蓝天', 12],
  ['利群', '西子阳光', 35, 'N'], ['利群', '富春山居', 100, 'S'],
  ['玉溪', '软', 23, 'H'], ['玉溪', '硬', 20], ['玉溪', '软和谐', 50], ['玉溪', '细支', 30], ['玉溪', '境界', 35],
  ['云烟', '软大重九', 100, 'S'], ['云烟', '软珍品', 22], ['云烟', '紫', 10], ['云烟', '印象', 23],
  ['云烟', '细支云龙', 30], ['云烟', '硬红', 7],
  ['红塔山', '硬经典', 7, 'S'], ['红塔山', '经典1956', 10, 'H'], ['红塔山', '硬大经典', 12], ['红塔山', '软经典', 6],
  ['红梅', '软黄', 4.5], ['红梅', '硬顺和', 6],
  ['真龙', '凌云', 20], ['真龙', '起源', 18], ['真龙', '硬海韵', 12], ['真龙', '美人香草', 25, 'N'], ['真龙', '硬红', 5],
  ['南京', '九五', 100, 'S'], ['南京', '雨花石', 50], ['南京', '炫赫门', 18, 'H'], ['南京', '红', 12], ['南京', '十二钗', 20],
  ['苏烟', '软金砂', 60],
  ['娇子', '宽窄平安', 18], ['娇子', '时代阳光', 14], ['娇子', '宽窄五粮浓香', 30, 'N'], ['娇子', '蓝', 8],
  ['七匹狼', '通仙', 50], ['七匹狼', '白', 16], ['七匹狼', '红', 10], ['七匹狼', '灰', 8], ['七匹狼', '锋芒', 18],
  ['双喜', '硬经典1906', 20], ['双喜', '软经典', 12], ['双喜', '莲香', 10], ['双喜', '硬金樽', 7], ['双喜', '硬', 5], ['双喜', '软', 4],
  ['贵烟', '国酒香30', 50], ['贵烟', '跨越', 30], ['贵烟', '福', 15], ['贵烟', '硬黄精品', 12], ['贵烟', '硬高遵', 10],
  ['钻石', '荷花', 35], ['钻石', '金钻石', 10], ['钻石', '硬蓝', 7], ['钻石', '软蓝', 5],
  ['黄山', '天都', 50], ['黄山', '徽商新概念', 30], ['黄山', '红方印', 15], ['黄山', '一品', 11], ['黄山', '硬红', 6],
  ['黄金叶', '天叶', 100, 'S'], ['黄金叶', '硬帝豪', 12], ['黄金叶', '乐途', 7],
  ['泰山', '望岳', 20], ['泰山', '红将军', 10],
  ['中南海', '点8', 8], ['长白山', '777', 12],
];

/** EAN-13 check digit of the first 12 digits. */
export function ean13Check(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return String((10 - (sum % 10)) % 10);
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The catalogue, in a fixed order; wholesale is about 89% of the suggested retail price. */
export function productCatalogue(): Product[] {
  const serial = new Map<string, number>();
  return SPECS.map(([brand, spec, perPack, flags = '']) => {
    const [maker, m] = Object.entries(MAKERS).find(([, v]) => v.brands.includes(brand))!;
    const k = (serial.get(maker) ?? 0) + 1;
    serial.set(maker, k);
    const first12 = `${m.prefix}${String(10_000 + k * 137).slice(-5)}`;
    const retailPrice = perPack * 10;
    const wholesalePrice = round2(retailPrice * 0.89);
    const provinceMade = maker === '湖南中烟';
    return {
      code: first12 + ean13Check(first12),
      brand,
      name: `${brand}(${spec})`,
      maker,
      priceClass: priceClassOf(wholesalePrice),
      wholesalePrice,
      retailPrice,
      provinceMade,
      scarce: flags.includes('S'),
      isNew: flags.includes('N'),
      popularity: (provinceMade ? 3 : 1) * (flags.includes('H') ? 2 : 1),
    };
  });
}
