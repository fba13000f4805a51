import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { en as appEn } from '../app/i18n/en';
import { mergeCatalogue, type Tree } from '../app/i18n/merge';
import type { Locale, Vars } from '../app/i18n/types';
import { zhCN as appZh } from '../app/i18n/zh-CN';
import { en as noticesEn, zh as noticesZh } from '../modules/announcements/i18n';
import { en as h5En, zh as h5Zh } from '../modules/h5/i18n';
import { en as partyEn, zh as partyZh } from '../modules/party/i18n';
import { en as ratesEn, zh as ratesZh } from '../modules/rates/i18n';
import { en as listsEn, zh as listsZh } from '../modules/three-lists/i18n';
import { en as meetingsEn, zh as meetingsZh } from '../modules/joint-meetings/i18n';
import { en as ordersEn, zh as ordersZh } from '../modules/work-orders/i18n';
import { en as sitesEn, zh as sitesZh } from '../modules/service-sites/i18n';

/**
 * The light pages' texts: the same catalogues as the back office (the shell's, the H5 pages', the rates', show
 * identity's, the work orders' state and rating labels, the notices', posts' and needs pages' texts), only the sections these pages read.
 */
const pick = (shell: typeof appEn, h5: typeof h5En, orders: typeof ordersEn, rates: typeof ratesEn, party: typeof partyEn, lists: { h5Need: object; threeLists: object; action: object }, notices: typeof noticesEn, meetings: { rotatingChair: object }, sites: typeof sitesEn): Tree =>
  [{ app: shell.app, lang: shell.lang, common: shell.common }, h5, { workOrderState: orders.workOrderState, demandType: orders.demandType, rating: orders.rating },
    { rates: rates.rates }, { showIdentity: party.showIdentity, h5Post: party.h5Post }, { h5Need: lists.h5Need, threeLists: lists.threeLists },
    { h5Announcement: notices.h5Announcement }, { rotatingChair: meetings.rotatingChair }, { serviceSite: { kinds: sites.serviceSite.kinds } },
    // A need's steps by the actions' names, which several modules give (report, publish, dispatch, decline, deliver, rate…).
    { action: orders.action }, { action: lists.action }, { action: notices.action }, { action: party.action }].reduce<Tree>((all, part) => mergeCatalogue(all, part as unknown as Tree), {});

const dictionaries: Record<Locale, Tree> = {
  'zh-CN': pick(appZh, h5Zh, ordersZh, ratesZh, partyZh, listsZh, noticesZh, meetingsZh, sitesZh),
  en: pick(appEn, h5En, ordersEn, ratesEn, partyEn, listsEn, noticesEn, meetingsEn, sitesEn),
};

const STORAGE_KEY = 'onegrid.locale';

function lookup(dict: Tree, key: string): string | undefined {
  let node: Tree | string | undefined = dict;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}
const fill = (text: string, vars?: Vars) => (vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => String(vars[k] ?? m)) : text);

interface LightI18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: string, vars?: Vars) => string;
  /** For keys built from server data: the fallback when the dictionary has none. */
  tr: (key: string, fallback: string, vars?: Vars) => string;
  pick: (message: { zh: string; en: string }) => string;
}

const Context = createContext<LightI18n | null>(null);

const stored = (): Locale => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN');

/** Chinese unless this browser chose English (the same choice as the back office's, kept in localStorage). */
export function I18n({ children }: { children: ReactNode }) {
  const [locale, setState] = useState<Locale>(stored);
  const value = useMemo<LightI18n>(() => {
    const dict = dictionaries[locale];
    document.documentElement.lang = locale;
    return {
      locale,
      setLocale: (next) => {
        localStorage.setItem(STORAGE_KEY, next);
        setState(next);
      },
      t: (key, vars) => fill(lookup(dict, key) ?? key, vars),
      tr: (key, fallback, vars) => fill(lookup(dict, key) ?? fallback, vars),
      pick: (m) => (locale === 'en' ? m.en : m.zh),
    };
  }, [locale]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useI18n(): LightI18n {
  const ctx = useContext(Context);
  if (!ctx) throw new Error('useI18n outside I18n');
  return ctx;
}
export const useT = () => useI18n().t;

/** Sets the page's own title in the current language: "<page> · 一张网". */
export function useTitle(key: string) {
  const t = useT();
  document.title = `${t(key)} · ${t('app.name')}`;
}

/** 中文 / English, as two buttons. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <span className="lang" role="group" aria-label={t('lang.switch')}>
      {(['zh-CN', 'en'] as const).map((l) => (
        <button key={l} type="button" aria-pressed={locale === l} onClick={() => setLocale(l)}>{t(l === 'en' ? 'lang.en' : 'lang.zh')}</button>
      ))}
    </span>
  );
}
