import { webModules } from '../../modules';
import { en } from './en';
import { mergeCatalogue, type Tree } from './merge';
import type { Dictionary, Locale } from './types';
import { zhCN } from './zh-CN';

const build = (shell: object, locale: Locale) =>
  webModules.reduce<Tree>((all, m) => (m.i18n ? mergeCatalogue(all, m.i18n[locale] as Tree) : all), mergeCatalogue({}, shell as Tree)) as unknown as Dictionary;

/** The texts of the shell and of every module in modules/index.ts, per language. */
export const catalogues: Record<Locale, Dictionary> = { 'zh-CN': build(zhCN, 'zh-CN'), en: build(en, 'en') };
