// Language choice (zh-CN by default, persisted in localStorage) and useT().
// Only the Chinese dictionary comes with the first load; the English one is
// its own file, fetched when it is first chosen (decision 0915).
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { zh, type Dict } from './zh.js';

export type Lang = 'zh' | 'en';
const STORAGE_KEY = 'zhiyin.lang';
const loaded: Partial<Record<Lang, Dict>> = { zh };

/** A language's dictionary, fetched once. */
export async function loadDict(lang: Lang): Promise<Dict> {
  return (loaded[lang] ??= (await import('./en.js')).en);
}

/** The language the reader chose last time, its dictionary loaded; Chinese when none was chosen or English cannot be fetched. */
export async function startLang(): Promise<Lang> {
  let lang: Lang = 'zh';
  try {
    if (localStorage.getItem(STORAGE_KEY) === 'en') lang = 'en';
  } catch {
    // storage blocked: Chinese
  }
  if (lang === 'en') await loadDict('en').catch(() => (lang = 'zh'));
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  return lang;
}

type LangContext = {
  lang: Lang;
  t: Dict;
  /** Shows the language once its dictionary is here (at once when it was loaded before); false when it could not be fetched. */
  setLang: (l: Lang) => Promise<boolean>;
  /** The language being fetched, while the screen stays in the current one. */
  pending: Lang | null;
};
const Ctx = createContext<LangContext | null>(null);

/** `initial` is a language whose dictionary is loaded (startLang). */
export function LangProvider({ initial = 'zh', children }: { initial?: Lang; children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(loaded[initial] ? initial : 'zh');
  const [pending, setPending] = useState<Lang | null>(null);
  // The last language asked for: a slow fetch answered after a newer choice does not override it.
  const wanted = useRef<Lang>(lang);
  const setLang = useCallback(async (l: Lang) => {
    wanted.current = l;
    if (!loaded[l]) setPending(l);
    try {
      await loadDict(l);
    } catch {
      if (wanted.current === l) setPending(null);
      return false;
    }
    if (wanted.current !== l) return true;
    setPending(null);
    setLangState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // private mode: the choice lasts for this page only
    }
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
    return true;
  }, []);
  const value = useMemo(() => ({ lang, t: loaded[lang]!, setLang, pending }), [lang, setLang, pending]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useT(): LangContext {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('useT outside LangProvider');
  return ctx;
}

export { textOf } from './text-of.js';
