// Chinese UI strings (the default language), gathered from the per-feature
// dictionaries. Code labels (业态, 城网, 扣款状态…) are not here: they come
// from src/shared/codes.ts through labelOf.
import { commonZh } from './common-dict.js';
import { shellZh } from '../shell/shell-dict.js';
import { loginZh } from '../features/login/login-dict.js';
import { retailersZh } from '../features/retailers/retailers-dict.js';
import { retailerMoveZh } from '../features/retailers/move/retailer-move-dict.js';
import { myFileZh } from '../features/my-file/my-file-dict.js';
import { ratingZh } from '../features/rating/rating-dict.js';
import { importPageZh } from '../features/import/import-dict.js';
import { auditZh } from '../features/audit/audit-dict.js';
import { dashboardZh } from '../features/dashboard/dashboard-dict.js';
import { gridMapZh } from '../features/grid-map/grid-map-dict.js';
import { visitsZh } from '../features/visit-progress/visits-dict.js';
import { orderingZh } from '../features/ordering/ordering-dict.js';
import { settlementZh } from '../features/settlement/settlement-dict.js';
import { orderingStatsZh } from '../features/ordering-stats/ordering-stats-dict.js';
import { orgTreeZh } from '../features/org-tree/org-tree-dict.js';
import { deskZh } from '../features/desk/desk-dict.js';
import { workCalendarZh } from '../features/work-calendar/work-calendar-dict.js';
import { onboardingZh } from '../features/onboarding/onboarding-dict.js';
import { cultivationZh } from '../features/cultivation/cultivation-dict.js';
import { noticesZh } from '../features/notices/notices-dict.js';
import { noticeTemplatesZh } from '../features/notices/notice-templates-dict.js';
import { surveysZh } from '../features/surveys/surveys-dict.js';
import { measuresZh } from '../features/measures/measures-dict.js';
import { careZh } from '../features/care/care-dict.js';
import { forecastZh } from '../features/forecast/forecast-dict.js';
import { homeZh } from '../features/home/home-dict.js';
import { accountZh } from '../features/account/account-dict.js';
import { usersZh } from '../features/users/users-dict.js';

export const zh = {
  ...commonZh,
  ...shellZh,
  ...loginZh,
  ...retailersZh,
  ...retailerMoveZh,
  ...myFileZh,
  ...ratingZh,
  ...importPageZh,
  ...auditZh,
  ...dashboardZh,
  ...gridMapZh,
  ...visitsZh,
  ...orderingZh,
  ...settlementZh,
  ...orderingStatsZh,
  ...orgTreeZh,
  ...deskZh,
  ...workCalendarZh,
  ...onboardingZh,
  ...cultivationZh,
  ...noticesZh,
  ...noticeTemplatesZh,
  ...surveysZh,
  ...measuresZh,
  ...careZh,
  ...homeZh,
  ...forecastZh,
  ...accountZh,
  ...usersZh,
};

export type Dict = typeof zh;
