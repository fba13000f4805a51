import type { zhCN } from './zh-CN';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape every locale's dictionary must have: the Chinese one, with any text in its leaves. */
export type Dictionary = Widen<typeof zhCN>;

type Keys<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Keys<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Keys<Dictionary>;

export type Locale = 'zh-CN' | 'en';
export type Vars = Record<string, string | number>;
