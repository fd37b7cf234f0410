// What the language button does (the shell's header, the login page). The
// other language's dictionary may have to be fetched first (decision 0915):
// the fetch starts as the pointer reaches the button (a tap's pointer events
// come before its click) or it takes the focus; until the file is here the
// button spins and the screen stays in the current language; a fetch that
// fails (no network) says so and changes nothing.
import { App } from 'antd';
import { loadDict, useT } from '../i18n/i18n.js';

/** The props of the button that switches between Chinese and English. */
export function useLangSwitch(): { loading: boolean; onClick: () => void; onPointerEnter: () => void; onFocus: () => void } {
  const { t, lang, setLang, pending } = useT();
  const { message } = App.useApp();
  const other = lang === 'zh' ? 'en' : 'zh';
  const early = () => void loadDict(other).catch(() => undefined); // the click reports a failure
  return {
    loading: pending !== null,
    onClick: () =>
      void setLang(other).then((switched) => {
        if (!switched) void message.error(t.common.networkError);
      }),
    onPointerEnter: early,
    onFocus: early,
  };
}
