// What the language button does (the shell's header, the login page). The
// other language's dictionary may have to be fetched first (decision 0915):
// meanwhile the button spins and the screen stays in the current language;
// a fetch that fails (no network) says so and changes nothing.
import { App } from 'antd';
import { useT } from '../i18n/i18n.js';

/** The props of the button that switches between Chinese and English. */
export function useLangSwitch(): { loading: boolean; onClick: () => void } {
  const { t, lang, setLang, pending } = useT();
  const { message } = App.useApp();
  return {
    loading: pending !== null,
    onClick: () =>
      void setLang(lang === 'zh' ? 'en' : 'zh').then((switched) => {
        if (!switched) void message.error(t.common.networkError);
      }),
  };
}
