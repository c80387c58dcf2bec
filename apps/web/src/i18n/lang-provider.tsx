import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { setApiLanguage } from '@/api/client';
import { messages, type Lang, type MessageKey } from '@/i18n/messages';

const STORAGE_KEY = 'sy.lang';

/** Values that fill `{name}` placeholders of a message. */
export type MessageParams = Record<string, string | number>;

/** Translates a message key in the current language. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

interface LangContextValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const LangContext = createContext<LangContextValue | null>(null);

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** Fills `{name}` placeholders. */
function format(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

function applyLang(lang: Lang): void {
  setApiLanguage(lang);
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  document.title = messages[lang]['site.title'];
}

/** Holds the UI language (Chinese by default), persisted in localStorage `sy.lang`. */
export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = storedLang();
    applyLang(initial);
    return initial;
  });

  useEffect(() => applyLang(lang), [lang]);

  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode or storage disabled: the choice lasts for this page only.
    }
    applyLang(next);
    setLangState(next);
  }, []);

  const value = useMemo<LangContextValue>(() => {
    const dictionary = messages[lang];
    const t: Translate = (key, params) => format(dictionary[key], params);
    return { lang, setLang, t };
  }, [lang, setLang]);

  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

function useLangContext(): LangContextValue {
  const value = useContext(LangContext);
  if (!value) throw new Error('useLang and useT must be used inside <LangProvider>');
  return value;
}

/** The current language and a setter. */
export function useLang(): { lang: Lang; setLang: (lang: Lang) => void } {
  const { lang, setLang } = useLangContext();
  return { lang, setLang };
}

/** The translate function of the current language. */
export function useT(): Translate {
  return useLangContext().t;
}
