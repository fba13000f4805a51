import { webModules } from '../../modules';
import { en } from './en';
import type { Dictionary, Locale } from './types';
import { zhCN } from './zh-CN';

type Tree = { [key: string]: string | Tree };

/** Several modules add to one section (nav, action, field): sections merge, a text given twice is a mistake. */
function merge(into: Tree, part: Tree, path = ''): Tree {
  for (const [key, value] of Object.entries(part)) {
    const have = into[key];
    if (typeof value === 'object' && typeof have === 'object') merge(have, value, `${path}${key}.`);
    else if (have !== undefined) throw new Error(`i18n key ${path}${key} is given twice`);
    else into[key] = typeof value === 'object' ? merge({}, value, `${path}${key}.`) : value;
  }
  return into;
}

const build = (shell: object, locale: Locale) =>
  webModules.reduce<Tree>((all, m) => (m.i18n ? merge(all, m.i18n[locale] as Tree) : all), merge({}, shell as Tree)) as unknown as Dictionary;

/** The texts of the shell and of every module in modules/index.ts, per language. */
export const catalogues: Record<Locale, Dictionary> = { 'zh-CN': build(zhCN, 'zh-CN'), en: build(en, 'en') };
