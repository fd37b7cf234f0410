// Code lists shared by server, web, import and export, with their labels. No
// zod here: the login page and the shell use these, and zod stays off the first
// load (issue 13); the role's schema is in auth.ts.

export const ROLES = [
  'admin',
  'county_manager',
  'station_head',
  'grid_worker',
  'call_agent',
  'retailer',
  // Province and city company roles (issue 19, decision 1910): read their subtree, write nothing in a county.
  'regional_marketing',
  'regional_liaison',
  'regional_auditor',
] as const;
/** Roles of a province or city company: they see their subtree read-only. */
export const REGIONAL_ROLES = ['regional_marketing', 'regional_liaison', 'regional_auditor'] as const;
export type RegionalRole = (typeof REGIONAL_ROLES)[number];
export const isRegionalRole = (role: string): role is RegionalRole => (REGIONAL_ROLES as readonly string[]).includes(role);
/** Levels of the org tree: 省公司 → 市公司 → 县局/营销部. */
export const ORG_LEVELS = ['province', 'city', 'county'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];
export type Role = (typeof ROLES)[number];

export const BUSINESS_FORMATS = ['Z', 'B', 'S', 'N', 'Y', 'F', 'Q'] as const;
export const DISTRICT_TYPES = [
  'commercial',
  'residential',
  'market',
  'transport',
  'school',
  'industrial',
  'tourism',
  'village',
] as const;
export const NETWORKS = ['urban', 'rural'] as const;
export const SETTLEMENT_METHODS = ['bank_deduction', 'pos', 'cash'] as const;
export const SPECIAL_GROUPS = ['wubao', 'disabled', 'martyr'] as const;
export const STORE_IMAGES = ['A', 'B', 'C', 'D'] as const;
export const RETAILER_STATUSES = ['active', 'suspended', 'cancelled'] as const;
export const BIRTHDAY_CALENDARS = ['solar', 'lunar'] as const;

type Labels = Record<string, { zh: string; en: string }>;

export const codeLabels = {
  role: {
    admin: { zh: '系统管理员', en: 'Administrator' },
    county_manager: { zh: '营销部（县局）', en: 'County manager' },
    station_head: { zh: '站长', en: 'Station head' },
    grid_worker: { zh: '网格员（客户经理）', en: 'Grid worker' },
    call_agent: { zh: '电访员', en: 'Call-centre agent' },
    retailer: { zh: '零售户', en: 'Retailer' },
    regional_marketing: { zh: '营销中心（省/市公司）', en: 'Marketing (province/city)' },
    regional_liaison: { zh: '专卖联络（省/市公司）', en: 'Monopoly liaison (province/city)' },
    regional_auditor: { zh: '审计（省/市公司）', en: 'Auditor (province/city)' },
  },
  orgLevel: {
    province: { zh: '省公司', en: 'Province company' },
    city: { zh: '市公司', en: 'City company' },
    county: { zh: '县局（营销部）', en: 'County branch' },
  },
  businessFormat: {
    Z: { zh: '食杂店', en: 'Grocery' },
    B: { zh: '便利店', en: 'Convenience store' },
    S: { zh: '超市', en: 'Supermarket' },
    N: { zh: '商场', en: 'Department store' },
    Y: { zh: '烟酒商店', en: 'Tobacco & liquor' },
    F: { zh: '娱乐服务类', en: 'Entertainment & services' },
    Q: { zh: '其他', en: 'Other' },
  },
  districtType: {
    commercial: { zh: '商业娱乐区', en: 'Commercial' },
    residential: { zh: '居民区', en: 'Residential' },
    market: { zh: '集贸市场', en: 'Market' },
    transport: { zh: '交通枢纽', en: 'Transport hub' },
    school: { zh: '学校周边', en: 'Near a school' },
    industrial: { zh: '工业园区', en: 'Industrial' },
    tourism: { zh: '旅游景区', en: 'Tourist area' },
    village: { zh: '农村集镇', en: 'Village centre' },
  },
  network: {
    urban: { zh: '城网', en: 'Urban' },
    rural: { zh: '农网', en: 'Rural' },
  },
  settlementMethod: {
    bank_deduction: { zh: '银行后台扣款', en: 'Bank deduction' },
    pos: { zh: 'POS 刷卡', en: 'POS' },
    cash: { zh: '现金', en: 'Cash' },
  },
  specialGroup: {
    wubao: { zh: '五保户', en: 'Five-guarantee household' },
    disabled: { zh: '残疾人', en: 'Disabled' },
    martyr: { zh: '烈士家庭', en: "Martyr's family" },
  },
  storeImage: {
    A: { zh: 'A 优秀', en: 'A Excellent' },
    B: { zh: 'B 良好', en: 'B Good' },
    C: { zh: 'C 一般', en: 'C Fair' },
    D: { zh: 'D 较差', en: 'D Poor' },
  },
  status: {
    active: { zh: '正常', en: 'Active' },
    suspended: { zh: '暂停', en: 'Suspended' },
    cancelled: { zh: '注销', en: 'Cancelled' },
  },
  birthdayCalendar: {
    solar: { zh: '公历', en: 'Solar' },
    lunar: { zh: '农历', en: 'Lunar' },
  },
  settlementStatus: {
    pending: { zh: '待扣款', en: 'Pending' },
    deducted: { zh: '已扣款', en: 'Deducted' },
    failed: { zh: '扣款失败', en: 'Deduction failed' },
  },
  orderChannel: {
    phone: { zh: '电话', en: 'Phone' },
    self: { zh: '自助', en: 'Self-service' },
    visit: { zh: '拜访', en: 'Visit' },
  },
  planStatus: {
    draft: { zh: '草稿', en: 'Draft' },
    published: { zh: '已发布', en: 'Published' },
  },
  ratingRunStatus: {
    computing: { zh: '计算中', en: 'Computing' },
    draft: { zh: '草稿', en: 'Draft' },
    published: { zh: '已发布', en: 'Published' },
    superseded: { zh: '已被新版本替代', en: 'Superseded' },
    failed: { zh: '失败', en: 'Failed' },
  },
  representativeStatus: {
    invited: { zh: '已邀请，待答复', en: 'Invited, awaiting answer' },
    active: { zh: '在任', en: 'Serving' },
    declined: { zh: '已谢绝', en: 'Declined' },
    exited: { zh: '已自愿退出', en: 'Left' },
    demoted: { zh: '复核退格', en: 'Demoted on review' },
  },
  /** The three segment dimensions' levels (诚信经营, 经营稳定性, 合作性质). */
  level: {
    high: { zh: '高', en: 'high' },
    mid: { zh: '中', en: 'medium' },
    low: { zh: '低', en: 'low' },
  },
  priceTag: {
    complete: { zh: '齐全', en: 'Complete' },
    partial: { zh: '部分缺失', en: 'Some missing' },
    missing: { zh: '未标价', en: 'None' },
  },
  weekday: {
    '1': { zh: '周一', en: 'Mon' },
    '2': { zh: '周二', en: 'Tue' },
    '3': { zh: '周三', en: 'Wed' },
    '4': { zh: '周四', en: 'Thu' },
    '5': { zh: '周五', en: 'Fri' },
    '6': { zh: '周六', en: 'Sat' },
    '7': { zh: '周日', en: 'Sun' },
  },
} satisfies Record<string, Labels>;

export type CodeList = keyof typeof codeLabels;

export function labelOf(list: CodeList, code: string | number, lang: 'zh' | 'en' = 'zh'): string {
  const entry = (codeLabels[list] as Labels)[String(code)];
  return entry ? entry[lang] : String(code);
}

/** Reverse lookup for imports: accepts the code itself or its Chinese/English label. */
export function codeFromLabel(list: CodeList, value: string): string | undefined {
  const v = value.trim();
  const labels = codeLabels[list] as Labels;
  if (v in labels) return v;
  for (const [code, l] of Object.entries(labels)) {
    if (l.zh === v || l.en.toLowerCase() === v.toLowerCase()) return code;
  }
  return undefined;
}

export function starLabel(star: number, lang: 'zh' | 'en' = 'zh'): string {
  if (star <= 0) return lang === 'zh' ? '未评' : 'Unrated';
  if (star >= 6) return lang === 'zh' ? '超五星' : '5+ stars';
  return lang === 'zh' ? `${star}星` : `${star} star${star > 1 ? 's' : ''}`;
}
