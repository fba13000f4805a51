import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Dictionary, Locale, MessageKey, Vars } from './types';

const STORAGE_KEY = 'onegrid.locale';

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  /** The text for a key, with {name} placeholders filled in. */
  t: (key: MessageKey, vars?: Vars) => string;
  /** For keys built from server data (an action, a field name): the fallback when the dictionary has none. */
  tr: (key: string, fallback: string, vars?: Vars) => string;
  /** Picks the server's bilingual message in the current language. */
  pick: (message: { zh: string; en: string }) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function storedLocale(): Locale | null {
  const v = localStorage.getItem(STORAGE_KEY);
  return v === 'en' || v === 'zh-CN' ? v : null;
}

function lookup(dict: Dictionary, key: string): string | undefined {
  let node: unknown = dict;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

const fill = (text: string, vars?: Vars) => (vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => String(vars[k] ?? m)) : text);

function applyDocument(locale: Locale, dict: Dictionary) {
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = locale;
  document.title = dict.app.name;
}

/** `dictionaries`: the merged catalogues (catalogues.ts), passed in so that this file does not import the modules. */
export function I18nProvider({ dictionaries, children }: { dictionaries: Record<Locale, Dictionary>; children: ReactNode }) {
  const [locale, setState] = useState<Locale>(() => {
    const initial = storedLocale() ?? 'zh-CN';
    applyDocument(initial, dictionaries[initial]);
    return initial;
  });
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    applyDocument(next, dictionaries[next]);
    setState(next);
  }, [dictionaries]);
  const value = useMemo<I18n>(() => {
    const dict = dictionaries[locale];
    return {
      locale,
      setLocale,
      t: (key, vars) => fill(lookup(dict, key) ?? key, vars),
      tr: (key, fallback, vars) => fill(lookup(dict, key) ?? fallback, vars),
      pick: (message) => (locale === 'en' ? message.en : message.zh),
    };
  }, [locale, setLocale, dictionaries]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

export const useT = () => useI18n().t;
