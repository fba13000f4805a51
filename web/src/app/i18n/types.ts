import type { webModules } from '../../modules';
import type { zhCN } from './zh-CN';

/** A Chinese catalogue's shape with any text in its leaves: what its English twin must have. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

type CatalogueOf<M> = M extends { i18n?: { 'zh-CN': infer C } } ? C : never;
type Intersect<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** The shell's texts and every listed module's, as one catalogue. */
type Catalogue = typeof zhCN & Intersect<CatalogueOf<(typeof webModules)[number]>>;

/** The shape every locale's merged dictionary has. */
export type Dictionary = Widen<Catalogue>;

type Keys<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Keys<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Keys<Dictionary>;

export type Locale = 'zh-CN' | 'en';
export type Vars = Record<string, string | number>;
