// English UI strings, gathered from the per-feature dictionaries; each of
// them is checked against its Chinese with `satisfies`. Fetched only when
// English is chosen (i18n.tsx); the build keeps each dictionary's English
// apart from its Chinese (vite.config.ts, decision 0915), so import only
// `*-dict.ts` files here.
import type { Dict } from './zh.js';
import { commonEn } from './common-dict.js';
import { shellEn } from '../shell/shell-dict.js';
import { loginEn } from '../features/login/login-dict.js';
import { retailersEn } from '../features/retailers/retailers-dict.js';
import { retailerMoveEn } from '../features/retailers/move/retailer-move-dict.js';
import { myFileEn } from '../features/my-file/my-file-dict.js';
import { ratingEn } from '../features/rating/rating-dict.js';
import { importPageEn } from '../features/import/import-dict.js';
import { auditEn } from '../features/audit/audit-dict.js';
import { dashboardEn } from '../features/dashboard/dashboard-dict.js';
import { gridMapEn } from '../features/grid-map/grid-map-dict.js';
import { visitsEn } from '../features/visit-progress/visits-dict.js';
import { orderingEn } from '../features/ordering/ordering-dict.js';
import { settlementEn } from '../features/settlement/settlement-dict.js';
import { orderingStatsEn } from '../features/ordering-stats/ordering-stats-dict.js';
import { orgTreeEn } from '../features/org-tree/org-tree-dict.js';
import { deskEn } from '../features/desk/desk-dict.js';
import { workCalendarEn } from '../features/work-calendar/work-calendar-dict.js';
import { onboardingEn } from '../features/onboarding/onboarding-dict.js';
import { cultivationEn } from '../features/cultivation/cultivation-dict.js';
import { noticesEn } from '../features/notices/notices-dict.js';
import { noticeTemplatesEn } from '../features/notices/notice-templates-dict.js';
import { surveysEn } from '../features/surveys/surveys-dict.js';
import { measuresEn } from '../features/measures/measures-dict.js';
import { careEn } from '../features/care/care-dict.js';
import { forecastEn } from '../features/forecast/forecast-dict.js';
import { homeEn } from '../features/home/home-dict.js';
import { accountEn } from '../features/account/account-dict.js';
import { usersEn } from '../features/users/users-dict.js';

export const en = {
  ...commonEn,
  ...shellEn,
  ...loginEn,
  ...retailersEn,
  ...retailerMoveEn,
  ...myFileEn,
  ...ratingEn,
  ...importPageEn,
  ...auditEn,
  ...dashboardEn,
  ...gridMapEn,
  ...visitsEn,
  ...orderingEn,
  ...settlementEn,
  ...orderingStatsEn,
  ...orgTreeEn,
  ...deskEn,
  ...workCalendarEn,
  ...onboardingEn,
  ...cultivationEn,
  ...noticesEn,
  ...noticeTemplatesEn,
  ...surveysEn,
  ...measuresEn,
  ...careEn,
  ...homeEn,
  ...forecastEn,
  ...accountEn,
  ...usersEn,
} satisfies Dict;
