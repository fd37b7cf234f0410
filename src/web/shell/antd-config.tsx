// Ant Design theme and locale (zh_CN / en_US follows the UI language). On a
// phone-narrow screen (below antd's md breakpoint) controls are sized for a
// thumb: every button, input, tab, menu entry and page number at least 44 px
// (issue 14 item 3, decision 1441), with `zy-phone` on <body> for what the
// tokens do not reach (phone-touch.css).
import { useEffect, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
// The ES modules, not `antd/locale/*` (CommonJS, which brought antd's lib/ copies with it); en_US is antd's own
// default, in the first load whatever the language.
import zhCN from 'antd/es/locale/zh_CN.js';
import enUS from 'antd/es/locale/en_US.js';
import { useT } from '../i18n/i18n.js';
import { reducedMotion } from './motion.js';
import { usePhone } from '../components/phone-layout.js';
import './phone-touch.css';

/** The smallest tap target on a phone, in CSS pixels (Apple HIG, WCAG 2.5.5). */
export const TOUCH_PX = 44;

const BASE: ThemeConfig['token'] = {
  colorPrimary: '#1f5f9e',
  borderRadius: 6,
  motion: !reducedMotion,
  fontFamily:
    "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Segoe UI', Roboto, sans-serif",
};

/** Small and middle controls are one size on a phone: a "small" button is still tapped by a thumb. */
const PHONE: ThemeConfig = {
  token: { ...BASE, controlHeight: TOUCH_PX, controlHeightSM: TOUCH_PX, controlHeightLG: 50, controlInteractiveSize: 20 },
  components: {
    Tabs: { horizontalItemPadding: '11px 0', horizontalItemPaddingSM: '11px 0' },
    Menu: { itemHeight: TOUCH_PX },
    Switch: { trackHeight: 28, trackMinWidth: 52, handleSize: 24 },
    // A table's expand (+/−) button is drawn from this size; row checkboxes keep the Checkbox size.
    Table: { controlInteractiveSize: TOUCH_PX },
  },
};

export function AntdConfig({ children }: { children: ReactNode }) {
  const { lang } = useT();
  const phone = usePhone();
  useEffect(() => {
    document.body.classList.toggle('zy-phone', phone);
  }, [phone]);
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={phone ? PHONE : { token: BASE }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
