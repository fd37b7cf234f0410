// Language choice (zh-CN by default, persisted in localStorage) and useT().
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { zh, type Dict } from './zh.js';
import { en } from './en.js';

export type Lang = 'zh' | 'en';
const STORAGE_KEY = 'zhiyin.lang';
const dicts: Record<Lang, Dict> = { zh, en };

function initialLang(): Lang {
  let lang: Lang = 'zh';
  try {
    if (localStorage.getItem(STORAGE_KEY) === 'en') lang = 'en';
  } catch {
    // storage blocked: Chinese
  }
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  return lang;
}

type LangContext = { lang: Lang; t: Dict; setLang: (l: Lang) => void };
const Ctx = createContext<LangContext | null>(null);

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // private mode: the choice lasts for this page only
    }
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  }, []);
  const value = useMemo(() => ({ lang, t: dicts[lang], setLang }), [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useT(): LangContext {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('useT outside LangProvider');
  return ctx;
}

export { textOf } from './text-of.js';
