// Routes: /login outside the shell; every other screen inside it, shown only
// to roles whose /api/me menu holds the screen's key.
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Spin } from 'antd';
import { useSession } from './shell/session.js';
import { AppShell } from './shell/app-shell.js';
import { useT } from './i18n/i18n.js';
import { ErrorResult } from './components/error-result.js';
import { PageResult } from './components/page-result.js';
import { LoginPage } from './features/login/login-page.js';

// Screens load on first visit, so a phone on a slow network fetches only what it shows.
const RetailerListPage = lazy(() => import('./features/retailers/list/retailer-list-page.js').then((m) => ({ default: m.RetailerListPage })));
const RetailerCardPage = lazy(() => import('./features/retailers/card/retailer-card-page.js').then((m) => ({ default: m.RetailerCardPage })));
const MyFilePage = lazy(() => import('./features/my-file/my-file-page.js').then((m) => ({ default: m.MyFilePage })));
const ImportPage = lazy(() => import('./features/import/import-page.js').then((m) => ({ default: m.ImportPage })));
const AuditPage = lazy(() => import('./features/audit/audit-page.js').then((m) => ({ default: m.AuditPage })));
const GridMapPage = lazy(() => import('./features/grid-map/grid-map-page.js').then((m) => ({ default: m.GridMapPage })));
const HomePage = lazy(() => import('./features/home/home-page.js').then((m) => ({ default: m.HomePage })));
const DashboardPage = lazy(() => import('./features/dashboard/dashboard-page.js').then((m) => ({ default: m.DashboardPage })));
const FieldPage = lazy(() => import('./features/field/field-page.js').then((m) => ({ default: m.FieldPage })));
const VisitOrderPage = lazy(() => import('./features/field/visit-order-page.js').then((m) => ({ default: m.VisitOrderPage })));
const VisitProgressPage = lazy(() => import('./features/visit-progress/visit-progress-page.js').then((m) => ({ default: m.VisitProgressPage })));
const MyRatingPage = lazy(() => import('./features/rating/my-rating-page.js').then((m) => ({ default: m.MyRatingPage })));
const SupplyPlanPage = lazy(() => import('./features/ordering/supply-plan-page.js').then((m) => ({ default: m.SupplyPlanPage })));
const TakeOrderPage = lazy(() => import('./features/ordering/take-order-page.js').then((m) => ({ default: m.TakeOrderPage })));
const MyOrderPage = lazy(() => import('./features/ordering/my-order-page.js').then((m) => ({ default: m.MyOrderPage })));
const OrdersPage = lazy(() => import('./features/ordering/orders-page.js').then((m) => ({ default: m.OrdersPage })));
const EmergencyPage = lazy(() => import('./features/ordering/emergency-page.js').then((m) => ({ default: m.EmergencyPage })));
const RatingsPage = lazy(() => import('./features/rating/ratings-page.js').then((m) => ({ default: m.RatingsPage })));
const SettlementPage = lazy(() => import('./features/settlement/settlement-page.js').then((m) => ({ default: m.SettlementPage })));
const DeskPage = lazy(() => import('./features/desk/desk-page.js').then((m) => ({ default: m.DeskPage })));
const DeskStatsPage = lazy(() => import('./features/desk/desk-stats-page.js').then((m) => ({ default: m.DeskStatsPage })));
const DeskPolicyPage = lazy(() => import('./features/desk/desk-policy-page.js').then((m) => ({ default: m.DeskPolicyPage })));
const MyCasesPage = lazy(() => import('./features/desk/my-cases-page.js').then((m) => ({ default: m.MyCasesPage })));
const InboxPage = lazy(() => import('./features/notices/inbox-page.js').then((m) => ({ default: m.InboxPage })));
const NoticeTemplatesPage = lazy(() => import('./features/notices/notice-templates-page.js').then((m) => ({ default: m.NoticeTemplatesPage })));
const NoticeReportPage = lazy(() => import('./features/notices/notice-report-page.js').then((m) => ({ default: m.NoticeReportPage })));
const SendNoticePage = lazy(() => import('./features/notices/send-notice-page.js').then((m) => ({ default: m.SendNoticePage })));
const CarePage = lazy(() => import('./features/care/care-page.js').then((m) => ({ default: m.CarePage })));
const DisastersPage = lazy(() => import('./features/care/disasters-page.js').then((m) => ({ default: m.DisastersPage })));
const DisasterDetailPage = lazy(() => import('./features/care/disaster-detail-page.js').then((m) => ({ default: m.DisasterDetailPage })));
const OrderingStatsPage = lazy(() => import('./features/ordering-stats/ordering-stats-page.js').then((m) => ({ default: m.OrderingStatsPage })));

const SurveysPage = lazy(() => import('./features/surveys/surveys-page.js').then((m) => ({ default: m.SurveysPage })));
const SurveyCallsPage = lazy(() => import('./features/surveys/survey-calls-page.js').then((m) => ({ default: m.SurveyCallsPage })));
const MySurveysPage = lazy(() => import('./features/surveys/my-surveys-page.js').then((m) => ({ default: m.MySurveysPage })));
const PublicSurveyPage = lazy(() => import('./features/surveys/public-survey-page.js').then((m) => ({ default: m.PublicSurveyPage })));
const MeasuresPage = lazy(() => import('./features/measures/measures-page.js').then((m) => ({ default: m.MeasuresPage })));
const ScoreSheetsPage = lazy(() => import('./features/measures/score-sheets-page.js').then((m) => ({ default: m.ScoreSheetsPage })));
const RollupPage = lazy(() => import('./features/org-tree/rollup-page.js').then((m) => ({ default: m.RollupPage })));
const LaunchesPage = lazy(() => import('./features/cultivation/launches-page.js').then((m) => ({ default: m.LaunchesPage })));
const LaunchDashboardPage = lazy(() => import('./features/cultivation/launch-dashboard-page.js').then((m) => ({ default: m.LaunchDashboardPage })));
const ForecastsPage = lazy(() => import('./features/forecast/forecasts-page.js').then((m) => ({ default: m.ForecastsPage })));
const OnboardingPage = lazy(() => import('./features/onboarding/onboarding-page.js').then((m) => ({ default: m.OnboardingPage })));
const PasswordPage = lazy(() => import('./features/account/password-page.js').then((m) => ({ default: m.PasswordPage })));
const UsersPage = lazy(() => import('./features/users/users-page.js').then((m) => ({ default: m.UsersPage })));
const WorkCalendarPage = lazy(() => import('./features/work-calendar/work-calendar-page.js').then((m) => ({ default: m.WorkCalendarPage })));

function RequireLogin({ children }: { children: ReactNode }) {
  const { me, checking, error, recheck } = useSession();
  const location = useLocation();
  if (checking) return <Spin fullscreen />;
  if (error) return <ErrorResult error={error} onRetry={recheck} />;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  // An account opened with an initial password changes it before anything else (decision 0860).
  if (me.user.mustChangePassword && location.pathname !== '/password')
    return <Navigate to={`/password?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}

function MenuGuard({ menuKey, children }: { menuKey: string; children: ReactNode }) {
  const { me } = useSession();
  const { t } = useT();
  if (!me?.menu.includes(menuKey)) return <PageResult status="403" title={t.shell.forbidden} />;
  return <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '80px auto' }} />}>{children}</Suspense>;
}

function Home() {
  const { me } = useSession();
  return <Navigate to={`/${me?.menu[0] ?? 'my-file'}`} replace />;
}

function NotFound() {
  const { t } = useT();
  return <PageResult status="404" title={t.shell.pageNotFound} />;
}

export function AppRoutes() {
  const guarded = (key: string, el: ReactNode) => <MenuGuard menuKey={key}>{el}</MenuGuard>;
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {/* A survey's SMS link: no login, the signed link is the credential. */}
      <Route
        path="/s/:token"
        element={
          <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '80px auto' }} />}>
            <PublicSurveyPage />
          </Suspense>
        }
      />
      <Route
        element={
          <RequireLogin>
            <AppShell />
          </RequireLogin>
        }
      >
        <Route index element={<Home />} />
        <Route path="home" element={guarded('home', <HomePage />)} />
        <Route path="dashboard" element={guarded('dashboard', <DashboardPage />)} />
        <Route path="rollups" element={guarded('rollups', <RollupPage />)} />
        <Route path="retailers" element={guarded('retailers', <RetailerListPage />)} />
        <Route path="retailers/:id" element={guarded('retailers', <RetailerCardPage />)} />
        <Route path="my-file" element={guarded('my-file', <MyFilePage />)} />
        <Route path="my-rating" element={guarded('my-rating', <MyRatingPage />)} />
        <Route path="ratings" element={guarded('ratings', <RatingsPage />)} />
        <Route path="import" element={guarded('import', <ImportPage />)} />
        <Route path="audit" element={guarded('audit', <AuditPage />)} />
        <Route path="users" element={guarded('users', <UsersPage />)} />
        <Route path="map" element={guarded('map', <GridMapPage />)} />
        <Route path="desk" element={guarded('desk', <DeskPage />)} />
        <Route path="desk-stats" element={guarded('desk-stats', <DeskStatsPage />)} />
        <Route path="desk-policy" element={guarded('desk-policy', <DeskPolicyPage />)} />
        <Route path="my-cases" element={guarded('my-cases', <MyCasesPage />)} />
        <Route path="launches" element={guarded('launches', <LaunchesPage />)} />
        <Route path="forecasts" element={guarded('forecasts', <ForecastsPage />)} />
        <Route path="launches/:id" element={guarded('launches', <LaunchDashboardPage />)} />
        <Route path="onboarding" element={guarded('onboarding', <OnboardingPage />)} />
        <Route path="work-calendar" element={guarded('work-calendar', <WorkCalendarPage />)} />
        <Route path="field" element={guarded('field', <FieldPage />)} />
        <Route path="field/order/:retailerId" element={guarded('field', <VisitOrderPage />)} />
        <Route path="visit-progress" element={guarded('visit-progress', <VisitProgressPage />)} />
        <Route path="orders" element={guarded('orders', <OrdersPage />)} />
        <Route path="emergency" element={guarded('emergency', <EmergencyPage />)} />
        <Route path="supply" element={guarded('supply', <SupplyPlanPage />)} />
        <Route path="take-orders" element={guarded('take-orders', <TakeOrderPage />)} />
        <Route path="my-order" element={guarded('my-order', <MyOrderPage />)} />
        <Route path="settlement" element={guarded('settlement', <SettlementPage />)} />
        <Route path="ordering-stats" element={guarded('ordering-stats', <OrderingStatsPage />)} />
        <Route path="measures" element={guarded('measures', <MeasuresPage />)} />
        <Route path="score-sheets" element={guarded('score-sheets', <ScoreSheetsPage />)} />
        <Route path="notices" element={guarded('notices', <InboxPage />)} />
        <Route path="notice-send" element={guarded('notice-send', <SendNoticePage />)} />
        <Route path="notice-templates" element={guarded('notice-templates', <NoticeTemplatesPage />)} />
        <Route path="notice-report" element={guarded('notice-report', <NoticeReportPage />)} />
        <Route path="surveys" element={guarded('surveys', <SurveysPage />)} />
        <Route path="survey-calls" element={guarded('survey-calls', <SurveyCallsPage />)} />
        <Route path="my-surveys" element={guarded('my-surveys', <MySurveysPage />)} />
        <Route path="care" element={guarded('care', <CarePage />)} />
        <Route path="care-disasters" element={guarded('care-disasters', <DisastersPage />)} />
        <Route path="care-disasters/:id" element={guarded('care-disasters', <DisasterDetailPage />)} />
        {/* Everyone's own account, outside the role menus. */}
        <Route
          path="password"
          element={
            <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '80px auto' }} />}>
              <PasswordPage />
            </Suspense>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
