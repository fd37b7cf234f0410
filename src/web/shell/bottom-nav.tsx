// Bottom navigation on phones (issue 14 item 3, decision 1443): the retailer's
// and the grid worker's few daily screens one thumb-tap away at the bottom of
// the screen, as Chinese H5 apps do, instead of behind the header's menu.
// Other roles work at desks and keep the drawer.
import type { ReactNode } from 'react';
import { AimOutlined, AppstoreOutlined, BellOutlined, EnvironmentOutlined, HomeOutlined, IdcardOutlined, ShopOutlined, StarOutlined } from '@ant-design/icons';
import type { Role } from '../../shared/codes.js';
import { useT } from '../i18n/i18n.js';

/** The screens in the bar, by role, in order; `more` opens the full menu. Only those in the viewer's menu are shown. */
export const BOTTOM_TABS: Partial<Record<Role, readonly string[]>> = {
  retailer: ['home', 'my-order', 'my-rating', 'notices', 'my-file'],
  grid_worker: ['home', 'field', 'map', 'retailers', 'more'],
};

const ICONS: Record<string, ReactNode> = {
  home: <HomeOutlined />,
  'my-order': <ShopOutlined />,
  'my-rating': <StarOutlined />,
  notices: <BellOutlined />,
  'my-file': <IdcardOutlined />,
  field: <AimOutlined />,
  map: <EnvironmentOutlined />,
  retailers: <ShopOutlined />,
  more: <AppstoreOutlined />,
};

/** The tabs a viewer gets: the role's, less the screens their menu lacks (a read-only drill-in); none below two. */
export function bottomTabsOf(role: Role, menu: readonly string[]): string[] {
  const tabs = (BOTTOM_TABS[role] ?? []).filter((k) => k === 'more' || menu.includes(k));
  return tabs.filter((k) => k !== 'more').length >= 2 ? tabs : [];
}

type Props = { tabs: string[]; pathname: string; onGo: (key: string) => void; onMore: () => void };

export function BottomNav({ tabs, pathname, onGo, onMore }: Props) {
  const { t } = useT();
  return (
    <nav className="zy-bottom-nav" aria-label={t.shell.bottomNav} data-testid="bottom-nav">
      {tabs.map((k) => {
        const current = k !== 'more' && (pathname === `/${k}` || pathname.startsWith(`/${k}/`));
        return (
          <button
            key={k}
            type="button"
            className={current ? 'zy-bottom-tab zy-bottom-tab-current' : 'zy-bottom-tab'}
            aria-current={current ? 'page' : undefined}
            onClick={() => (k === 'more' ? onMore() : onGo(k))}
            data-testid={`bottom-tab-${k}`}
          >
            <span className="zy-bottom-tab-icon" aria-hidden>
              {ICONS[k]}
            </span>
            <span className="zy-bottom-tab-label">{t.shell.tab[k as keyof typeof t.shell.tab]}</span>
          </button>
        );
      })}
    </nav>
  );
}
