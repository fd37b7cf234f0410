// The frame around every screen: side menu on desktops, a drawer on phones
// (and the bottom navigation of the retailer's and the grid worker's phones),
// user name with role (a menu: change password, log out), language switch and
// logout. While an initial password must be changed, only the header shows.
import { useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Button, Drawer, Dropdown, Grid, Layout, Menu, Tooltip } from 'antd';
import {
  AimOutlined,
  ApartmentOutlined,
  BellOutlined,
  NotificationOutlined,
  FileTextOutlined,
  FundOutlined,
  TrophyOutlined,
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  IdcardOutlined,
  LineChartOutlined,
  LogoutOutlined,
  MenuOutlined,
  PayCircleOutlined,
  RollbackOutlined,
  ShopOutlined,
  StarOutlined,
  ThunderboltOutlined,
  TranslationOutlined,
  CustomerServiceOutlined,
  FieldTimeOutlined,
  PieChartOutlined,
  MessageOutlined,
  UploadOutlined,
  SolutionOutlined,
  CalendarOutlined,
  FormOutlined,
  PhoneOutlined,
  RiseOutlined,
  HeartOutlined,
  AlertOutlined,
  HomeOutlined,
  KeyOutlined,
  DownOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { labelOf } from '../../shared/codes.js';
import { textOf, useT } from '../i18n/i18n.js';
import { useLangSwitch } from './lang-switch.js';
import { ErrorBoundary } from '../components/error-boundary.js';
import { useSession } from './session.js';
import { NoticeBell } from '../features/notices/notice-bell.js';
import { RegionalBanner } from '../features/org-tree/regional-banner.js';
import { BottomNav, bottomTabsOf } from './bottom-nav.js';

const icons: Record<string, React.ReactNode> = {
  home: <HomeOutlined />,
  dashboard: <DashboardOutlined />,
  rollups: <ApartmentOutlined />,
  desk: <CustomerServiceOutlined />,
  'desk-stats': <PieChartOutlined />,
  'desk-policy': <FieldTimeOutlined />,
  'my-cases': <MessageOutlined />,
  retailers: <ShopOutlined />,
  import: <UploadOutlined />,
  audit: <AuditOutlined />,
  users: <TeamOutlined />,
  'my-file': <IdcardOutlined />,
  'my-rating': <StarOutlined />,
  ratings: <StarOutlined />,
  map: <EnvironmentOutlined />,
  field: <AimOutlined />,
  'visit-progress': <LineChartOutlined />,
  orders: <RollbackOutlined />,
  emergency: <ThunderboltOutlined />,
  supply: <LineChartOutlined />,
  'take-orders': <ShopOutlined />,
  'my-order': <ShopOutlined />,
  settlement: <PayCircleOutlined />,
  'ordering-stats': <BarChartOutlined />,
  onboarding: <SolutionOutlined />,
  launches: <RiseOutlined />,
  forecasts: <LineChartOutlined />,
  'work-calendar': <CalendarOutlined />,
  notices: <BellOutlined />,
  surveys: <FormOutlined />,
  'survey-calls': <PhoneOutlined />,
  'my-surveys': <FormOutlined />,
  'notice-send': <NotificationOutlined />,
  'notice-templates': <FileTextOutlined />,
  'notice-report': <PieChartOutlined />,
  measures: <FundOutlined />,
  'score-sheets': <TrophyOutlined />,
  care: <HeartOutlined />,
  'care-disasters': <AlertOutlined />,
};

export function BrandMark() {
  return <span className="zy-brand-mark">知</span>;
}

/** Menu widths: English labels ("Supply allocation", "Working calendar") need more room than four characters of Chinese. */
const SIDER_ZH = 184;
const SIDER_EN = 216;

export function AppShell() {
  const { t, lang } = useT();
  const langSwitch = useLangSwitch();
  const { me, logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const desktop = !!screens.lg;
  const phone = !screens.md;
  const [drawer, setDrawer] = useState(false);
  if (!me) return null;
  // An initial password is changed first (decision 0860): no menus until it is.
  const forced = me.user.mustChangePassword;
  const tabs = phone && !forced ? bottomTabsOf(me.user.role, me.menu) : [];

  const selected = me.menu.find((k) => location.pathname === `/${k}` || location.pathname.startsWith(`/${k}/`));
  const menu = (
    <Menu
      mode="inline"
      theme={desktop ? 'dark' : 'light'}
      selectedKeys={selected ? [selected] : []}
      items={me.menu.map((k) => ({ key: k, icon: icons[k], label: textOf(t.shell.menu, k) }))}
      onClick={({ key }) => {
        setDrawer(false);
        navigate(`/${key}`);
      }}
    />
  );
  const onLogout = async () => {
    await logout();
    navigate('/login', { replace: true });
  };
  const userMenu = {
    items: [
      { key: 'password', icon: <KeyOutlined />, label: t.account.changePassword },
      { key: 'logout', icon: <LogoutOutlined />, label: t.shell.logout },
    ],
    onClick: ({ key }: { key: string }) => {
      if (key === 'logout') void onLogout();
      else if (location.pathname !== '/password') navigate(`/password?next=${encodeURIComponent(location.pathname + location.search)}`);
    },
  };

  return (
    <Layout style={{ minHeight: '100%' }} className={tabs.length ? 'zy-has-bottom-nav' : undefined}>
      {desktop && !forced && (
        <Layout.Sider width={lang === 'en' ? SIDER_EN : SIDER_ZH} style={{ position: 'sticky', top: 0, height: '100vh' }}>
          <div className="zy-sider-brand">
            <BrandMark />
            {t.app.name}
          </div>
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="zy-header">
          {!desktop && !forced && <Button type="text" icon={<MenuOutlined />} aria-label={t.shell.openMenu} onClick={() => setDrawer(true)} />}
          <span className="zy-header-title">{desktop ? t.app.subtitle : t.app.name}</span>
          <span className="zy-header-spacer" />
          {/* The inbox waits too while a password must be changed: the server refuses it until then (decision 0861). */}
          {!forced && <NoticeBell />}
          <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
            <div className="zy-user" data-testid="current-user" role="button" tabIndex={0} aria-label={`${t.account.userMenu} ${me.user.displayName}`}>
              <span>
                {me.user.displayName} <DownOutlined className="zy-user-caret" />
              </span>
              <small>{labelOf('role', me.user.role, lang)}</small>
            </div>
          </Dropdown>
          <Tooltip title={t.app.switchLang}>
            <Button
              type="text"
              icon={<TranslationOutlined />}
              {...langSwitch}
              data-testid="lang-switch"
            >
              {screens.sm ? t.app.switchLang : null}
            </Button>
          </Tooltip>
          <Tooltip title={t.shell.logout}>
            <Button type="text" icon={<LogoutOutlined />} onClick={onLogout} aria-label={t.shell.logout} />
          </Tooltip>
        </Layout.Header>
        <Layout.Content>
          <RegionalBanner />
          <div className="zy-content">
            <ErrorBoundary key={location.pathname} title={t.common.unknownError} retry={t.common.reload}>
              <Outlet />
            </ErrorBoundary>
          </div>
        </Layout.Content>
      </Layout>
      {tabs.length > 0 && (
        <BottomNav tabs={tabs} pathname={location.pathname} onGo={(k) => navigate(`/${k}`)} onMore={() => setDrawer(true)} />
      )}
      {!desktop && !forced && (
        <Drawer
          open={drawer}
          onClose={() => setDrawer(false)}
          placement="left"
          size={240}
          title={
            <span style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
              <BrandMark /> {t.app.name}
            </span>
          }
          styles={{ body: { padding: 0 } }}
        >
          {menu}
        </Drawer>
      )}
    </Layout>
  );
}
