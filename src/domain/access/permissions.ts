// Who may do what. Row-level scope (which retailers) is enforced in the SQL of
// every query (src/db/scope.ts); this table says which actions a role has at all.
import type { Role } from '../../shared/codes.js';

export const PERMISSIONS = [
  'retailer.list',
  'retailer.read',
  'retailer.update',
  // Fields of the file not every editor may change (decision 1402): identity = 客户编码 and 许可证号,
  // set by marketing from the monopoly's licence; regrid = move a shop to another grid (within scope).
  'retailer.identity',
  'retailer.regrid',
  'retailer.history',
  // Move a shop to another county (issue 19): admin only, with a reason.
  'retailer.move',
  'retailer.import',
  'retailer.export',
  'org.read',
  'org.structure',
  'audit.read',
  // Ratings (issue 5): read within scope; manage = run, publish, schemes; adjust = tier changes, freezes, compliance.
  'rating.read',
  'rating.review',
  'rating.manage',
  'rating.adjust',
  // A shop answers its own invitation to be a customer representative, and may leave.
  'representative.respond',
  // Grids and the map (issue 4)
  'map.read',
  'grid.manage',
  'layout.read',
  // Visits (issue 7): plan = make calendars and overrides; config = frequency rules; route = see a day's route;
  // record = check in and submit visits (grid workers); progress = done vs planned; follow-up = requests raised on visits.
  'visit.config',
  'visit.plan',
  'visit.route',
  'visit.record',
  'visit.progress',
  'followup.read',
  'followup.update',
  // Ordering (issue 6): supply = plans and allocation (read / manage); order.take = submit and amend orders
  // for retailers in scope; order.read = see orders, limits and settlement; settlement = record deductions.
  'supply.read',
  'supply.manage',
  'order.take',
  'order.read',
  'settlement.manage',
  // Settlement screen: failed deductions of the retailers in scope (the notice goes to their grid worker too).
  'settlement.read',
  // Service desk (issue 15): create = log a case for a shop in scope; read = see cases in scope; work = notes, calls,
  // replies, close on cases one handles (or one's station's); assign = reassign; survey = record 回访 (never one's own case);
  // policy = deadline policy; reward = propose, approve = approve rewards; mine = a retailer's own cases.
  'desk.create',
  'desk.read',
  'desk.work',
  'desk.assign',
  'desk.survey',
  'desk.policy',
  'desk.reward',
  'desk.reward.approve',
  'desk.stats',
  'desk.mine',
  // Working calendar and onboarding (issue 15): staff read the calendar, managers keep its override table;
  // onboarding.read = the chain in scope (and completing one's own steps), onboarding.manage = record a licence.
  'calendar.read',
  'calendar.manage',
  'onboarding.read',
  'onboarding.manage',
  // Notices (issue 16): read = one's own inbox; preferences = a shop's channels and opt-outs; send = notices to the shops of
  // one's scope; approve = county-wide SMS of another manager; report = delivery figures; trail = a shop's notices and their deliveries.
  'notice.read',
  'notice.preferences',
  'notice.send',
  'notice.approve',
  'notice.report',
  'notice.trail',
  // Notice templates (decision 1135): read = the templates and their versions, preview; manage = save a new version (marketing).
  'notice.template.read',
  'notice.template.manage',
  // Surveys (issue 17): read = questionnaires and rounds; design = save questionnaires; run = launch, close and text links;
  // collect = record a shop's answers taken by phone (never the client manager being rated); results = figures in scope;
  // mine = a retailer answers their own.
  'survey.read',
  'survey.design',
  'survey.run',
  'survey.collect',
  'survey.results',
  'survey.mine',
  // Measures (issue 17): measure.read = the four measures of the shops in scope and the county's figures; measure.manage = the
  // definition's weights and a run now; scoresheet.read = score sheets within reach (one's own, one's station's); scoresheet.manage = items and points.
  'measure.read',
  'measure.manage',
  'scoresheet.read',
  'scoresheet.manage',
  // Org tree (issue 19): roll-up screens of a province or city company; rules it sets for its counties.
  'rollup.read',
  'org.rules',
  // New-brand cultivation (issue 17): read = launches and their dashboard in scope; manage = create and recompute (marketing).
  // Workers record shelf checks and feedback on their visits (visit.record).
  'launch.read',
  'launch.manage',
  // Demand forecasts (issue 18): read = the forecast screen in scope; manage = overrides of the county's figures and a fresh run.
  'forecast.read',
  'forecast.manage',
  // A worker's own figure for one shop of their scope (decision 1814).
  'forecast.shop',
  // Care (issue 16 items 6–9, decision 1121): read = care tasks, disasters and activities of one's scope; work = tick tasks, the
  // contact checklist, the help ledger, activities; manage = declare a disaster and freeze its ratings; special.read / special.manage =
  // the special-group register (every read audited) — only those who visit or decide on those shops.
  'care.read',
  'care.work',
  'care.manage',
  'care.special.read',
  'care.special.manage',
  // The "today" home (issue 17): every role reads its own items, each scoped as its screen is.
  'home.read',
  // Accounts of one's own county (decision 0862): list them and reset a password (the administrator).
  'user.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const staffRead: Permission[] = ['retailer.list', 'retailer.read', 'retailer.history', 'org.read', 'org.structure'];

const rating: Permission[] = ['rating.read', 'rating.review'];
const ratingManager: Permission[] = [...rating, 'rating.manage', 'rating.adjust'];

const byRole: Record<Role, Permission[]> = {
  admin: [...staffRead, 'retailer.update', 'retailer.import', 'retailer.export', 'audit.read', ...ratingManager],
  county_manager: [...staffRead, 'retailer.update', 'retailer.import', 'retailer.export', ...ratingManager],
  station_head: [...staffRead, 'retailer.update', 'retailer.export', ...rating],
  grid_worker: [...staffRead, 'retailer.update', 'retailer.export', ...rating],
  // Agents look retailers up to take orders; they do not edit the file.
  call_agent: ['retailer.list', 'retailer.read', 'org.read', 'org.structure'],
  // A retailer sees their own file and its history, and their own rating.
  retailer: ['retailer.read', 'retailer.history', 'org.read', 'rating.read', 'representative.respond'],
  // A province or city user at home reads roll-ups and the rules in force; drilled into a county they read it
  // as its county manager (or admin, for auditors) would, and write nothing there (decision 1910).
  regional_marketing: ['org.read', 'rollup.read', 'org.rules'],
  regional_liaison: ['org.read', 'rollup.read'],
  regional_auditor: ['org.read', 'rollup.read'],
};

// A grid worker keeps the file up to date but may not change who the shop is or whose grid it is in (decision 1402).
for (const role of ['admin', 'county_manager'] as const) byRole[role].push('retailer.identity', 'retailer.regrid');
byRole.station_head.push('retailer.regrid');
byRole.admin.push('retailer.move');

// Grids and the map (issue 4): staff with a territory see it on the map; those who run one manage its grids.
for (const role of ['admin', 'county_manager', 'station_head', 'grid_worker'] as const) byRole[role].push('map.read');
for (const role of ['admin', 'county_manager', 'station_head'] as const) byRole[role].push('grid.manage', 'layout.read');

// Visits (issue 7)
for (const role of ['admin', 'county_manager', 'station_head', 'grid_worker'] as const) byRole[role].push('visit.route', 'visit.progress', 'followup.read', 'followup.update');
for (const role of ['admin', 'county_manager', 'station_head'] as const) byRole[role].push('visit.plan');
for (const role of ['admin', 'county_manager'] as const) byRole[role].push('visit.config');
byRole.grid_worker.push('visit.record');

// Ordering (issue 6): every role takes or reads orders within its scope; marketing plans and allocates.
for (const role of ['admin', 'county_manager', 'station_head', 'grid_worker', 'call_agent', 'retailer'] as const) byRole[role].push('order.take', 'order.read');
for (const role of ['admin', 'county_manager', 'station_head', 'grid_worker', 'call_agent'] as const) byRole[role].push('supply.read');
for (const role of ['admin', 'county_manager'] as const) byRole[role].push('supply.manage', 'settlement.manage');
for (const role of ['admin', 'county_manager', 'station_head', 'grid_worker'] as const) byRole[role].push('settlement.read');

// Service desk (issue 15): the call centre takes the calls and does the 回访; handlers work cases in scope.
for (const role of ['admin', 'county_manager', 'station_head', 'grid_worker', 'call_agent'] as const) byRole[role].push('desk.create', 'desk.read', 'desk.survey');
for (const role of ['admin', 'county_manager', 'station_head', 'grid_worker'] as const) byRole[role].push('desk.work', 'desk.stats');
for (const role of ['admin', 'county_manager', 'station_head'] as const) byRole[role].push('desk.assign', 'desk.reward');
for (const role of ['admin', 'county_manager'] as const) byRole[role].push('desk.policy', 'desk.reward.approve');
byRole.retailer.push('desk.mine');
// Working calendar and onboarding (issue 15)
for (const role of ['admin', 'county_manager', 'station_head', 'grid_worker', 'call_agent'] as const) byRole[role].push('calendar.read');
for (const role of ['admin', 'county_manager'] as const) byRole[role].push('calendar.manage', 'onboarding.manage');
for (const role of ['admin', 'county_manager', 'station_head', 'grid_worker'] as const) byRole[role].push('onboarding.read');
// Notices (issue 16)
for (const role of ['admin', 'county_manager', 'station_head', 'grid_worker', 'call_agent', 'retailer'] as const) byRole[role].push('notice.read');
byRole.retailer.push('notice.preferences');
for (const role of ['admin', 'county_manager', 'station_head', 'grid_worker'] as const) byRole[role].push('notice.send', 'notice.trail');
for (const role of ['admin', 'county_manager', 'station_head'] as const) byRole[role].push('notice.report');
for (const role of ['admin', 'county_manager'] as const) byRole[role].push('notice.approve');
// Templates: marketing (the county manager) edits the county's texts; the administrator and station heads read them.
for (const role of ['admin', 'county_manager', 'station_head'] as const) byRole[role].push('notice.template.read');
byRole.county_manager.push('notice.template.manage');
// Surveys (issue 17): marketing designs and runs rounds; the call centre (and staff, within scope) records answers taken by phone.
for (const role of ['admin', 'county_manager', 'station_head', 'grid_worker', 'call_agent'] as const) byRole[role].push('survey.read', 'survey.collect');
for (const role of ['admin', 'county_manager'] as const) byRole[role].push('survey.design', 'survey.run');
for (const role of ['admin', 'county_manager', 'station_head', 'grid_worker'] as const) byRole[role].push('survey.results');
byRole.retailer.push('survey.mine');

// Measures and score sheets (issue 17)
for (const role of ['admin', 'county_manager', 'station_head', 'grid_worker'] as const) byRole[role].push('measure.read', 'scoresheet.read');
for (const role of ['admin', 'county_manager'] as const) byRole[role].push('measure.manage', 'scoresheet.manage');
// Org tree (issue 19): a county keeps its own version of a rule its province lets it override.
for (const role of ['admin', 'county_manager'] as const) byRole[role].push('org.rules');

// New-brand cultivation (issue 17)
for (const role of ['admin', 'county_manager', 'station_head', 'grid_worker'] as const) byRole[role].push('launch.read');
for (const role of ['admin', 'county_manager'] as const) byRole[role].push('launch.manage');

// Demand forecasts (issue 18): staff with a territory read it in their scope; marketing overrides (decision 1812).
for (const role of ['admin', 'county_manager', 'station_head', 'grid_worker'] as const) byRole[role].push('forecast.read');
for (const role of ['admin', 'county_manager'] as const) byRole[role].push('forecast.manage');
for (const role of ['admin', 'county_manager', 'station_head', 'grid_worker'] as const) byRole[role].push('forecast.shop');

// Care (issue 16): the register is for the grid worker who visits the shop, their station head and the county's marketing
// department that grants the benefits — not for call agents, the system administrator or retailers (decision 1121).
for (const role of ['admin', 'county_manager', 'station_head', 'grid_worker'] as const) byRole[role].push('care.read');
for (const role of ['county_manager', 'station_head', 'grid_worker'] as const) byRole[role].push('care.work', 'care.special.read', 'care.special.manage');
byRole.county_manager.push('care.manage');

// The "today" home (issue 17)
for (const role of ['admin', 'county_manager', 'station_head', 'grid_worker', 'call_agent', 'retailer'] as const) byRole[role].push('home.read');

// Accounts (decision 0862): the system administrator keeps the county's logins; nobody else resets a password.
byRole.admin.push('user.manage');

export function can(role: Role, permission: Permission): boolean {
  return byRole[role].includes(permission);
}

export function permissionsOf(role: Role): Permission[] {
  return [...byRole[role]];
}

/** Personal fields a role sees unmasked (for retailers in its scope). */
export type PiiPolicy = { phone: boolean; family: boolean; idNumber: boolean };

export function piiPolicy(role: Role): PiiPolicy {
  switch (role) {
    case 'grid_worker':
      return { phone: true, family: true, idNumber: false };
    case 'station_head':
    case 'call_agent':
      return { phone: true, family: false, idNumber: false };
    case 'retailer':
      return { phone: true, family: true, idNumber: true };
    case 'admin':
    case 'county_manager':
    case 'regional_marketing':
    case 'regional_liaison':
    case 'regional_auditor':
      return { phone: false, family: false, idNumber: false };
  }
}

// Visits (issue 7): the field screen for workers, progress for those who watch them.
const visitMenu: Partial<Record<Role, string[]>> = {
  grid_worker: ['field'],
  station_head: ['visit-progress'],
  county_manager: ['visit-progress'],
  admin: ['visit-progress'],
};

// Ordering (issue 6)
const orderingMenu: Partial<Record<Role, string[]>> = {
  admin: ['supply', 'take-orders', 'settlement', 'ordering-stats'],
  county_manager: ['supply', 'take-orders', 'settlement', 'ordering-stats'],
  call_agent: ['take-orders'],
  grid_worker: ['take-orders', 'settlement', 'ordering-stats'],
  station_head: ['take-orders', 'settlement', 'ordering-stats'],
  retailer: ['my-order'],
};

// Wrong orders and returns, emergency supply (issue 6): staff who take orders record them; marketing decides.
// Notices (issue 16): the inbox is for everyone (the bell opens it); staff with a scope send notices.
const noticeMenu: Partial<Record<Role, string[]>> = {
  admin: ['notices', 'notice-send', 'notice-templates', 'notice-report'],
  county_manager: ['notices', 'notice-send', 'notice-templates', 'notice-report'],
  station_head: ['notices', 'notice-send', 'notice-templates', 'notice-report'],
  grid_worker: ['notices', 'notice-send'],
  call_agent: ['notices'],
  retailer: ['notices'],
};

const correctionMenu: Partial<Record<Role, string[]>> = {
  admin: ['orders', 'emergency'],
  county_manager: ['orders', 'emergency'],
  call_agent: ['orders', 'emergency'],
  grid_worker: ['orders', 'emergency'],
  station_head: ['orders', 'emergency'],
};

// Service desk (issue 15)
const deskMenu: Partial<Record<Role, string[]>> = {
  admin: ['desk', 'desk-stats', 'desk-policy'],
  county_manager: ['desk', 'desk-stats', 'desk-policy'],
  station_head: ['desk', 'desk-stats'],
  grid_worker: ['desk', 'desk-stats'],
  call_agent: ['desk'],
  retailer: ['my-cases'],
};

// Surveys (issue 17)
const surveyMenu: Partial<Record<Role, string[]>> = {
  admin: ['surveys', 'survey-calls'],
  county_manager: ['surveys', 'survey-calls'],
  station_head: ['surveys', 'survey-calls'],
  grid_worker: ['surveys'],
  call_agent: ['survey-calls'],
  retailer: ['my-surveys'],
};

// Measures (issue 17)
const measuresMenu: Partial<Record<Role, string[]>> = {
  admin: ['measures', 'score-sheets'],
  county_manager: ['measures', 'score-sheets'],
  station_head: ['measures', 'score-sheets'],
  grid_worker: ['score-sheets'],
};

// Demand forecasts (issue 18)
const forecastMenu: Partial<Record<Role, string[]>> = {
  admin: ['forecasts'],
  county_manager: ['forecasts'],
  station_head: ['forecasts'],
  grid_worker: ['forecasts'],
};

// Care (issue 16)
const careMenu: Partial<Record<Role, string[]>> = {
  admin: ['care-disasters'],
  county_manager: ['care', 'care-disasters'],
  station_head: ['care', 'care-disasters'],
  grid_worker: ['care', 'care-disasters'],
};

const deskcalMenu: Partial<Record<Role, string[]>> = {
  admin: ['onboarding', 'work-calendar'],
  county_manager: ['onboarding', 'work-calendar'],
  station_head: ['onboarding'],
  grid_worker: ['onboarding'],
};

// New-brand cultivation (issue 17): launches and their dashboard for those who read them.
const launchMenu: Partial<Record<Role, string[]>> = {
  admin: ['launches'],
  county_manager: ['launches'],
  station_head: ['launches'],
  grid_worker: ['launches'],
};

/** Menu entries (route keys) shown to a role. */
export function menuOf(role: Role): string[] {
  return [
    // Every county role lands on its "today" home (issue 17): the first entry is where the app opens. A province or
    // city user lands on the roll-ups.
    ...(byRole[role].includes('home.read') ? ['home'] : []),
    ...baseMenuOf(role),
    ...(visitMenu[role] ?? []),
    ...(orderingMenu[role] ?? []),
    ...(correctionMenu[role] ?? []),
    ...(deskMenu[role] ?? []),
    ...(deskcalMenu[role] ?? []),
    ...(noticeMenu[role] ?? []),
    ...(surveyMenu[role] ?? []),
    ...(measuresMenu[role] ?? []),
    ...(launchMenu[role] ?? []),
    ...(forecastMenu[role] ?? []),
    ...(careMenu[role] ?? []),
  ];
}

function baseMenuOf(role: Role): string[] {
  switch (role) {
    case 'retailer':
      return ['my-file', 'my-rating'];
    case 'call_agent':
      return ['retailers'];
    case 'admin':
      return ['dashboard', 'retailers', 'map', 'import', 'audit', 'users', 'ratings'];
    case 'county_manager':
      return ['dashboard', 'retailers', 'map', 'import', 'ratings'];
    case 'regional_marketing':
    case 'regional_liaison':
    case 'regional_auditor':
      return ['rollups'];
    default:
      // Station heads and grid workers read ratings of their scope and export the review sheet.
      return ['dashboard', 'retailers', 'map', 'ratings'];
  }
}
