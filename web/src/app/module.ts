import type { ReactNode } from 'react';
import type { Role } from '../../../contracts/roles';
import type { MessageKey, Widen } from './i18n/types';

/**
 * Where a page renders: `office`, the staff back office (signed in, side menu, header); `bare`, nothing around it
 * (sign-in, the print sheets). The residents' phone pages and the public pages are not back-office pages: the light
 * entry (web/h5.html, web/src/h5-light) draws them.
 */
export type Shell = 'office' | 'bare';

/** One of the abilities /api/me lists (`abilities[subject]` holds `action`). */
export interface Ability {
  subject: string;
  action: string;
}

export interface ModuleRoute {
  path: string;
  /** A page made with lazyNamed, so that it loads when first opened; only the first screen's page is eager. */
  element: ReactNode;
  shell: Shell;
  /** Office pages only some may open: the others are sent home (the server checks again). */
  ability?: Ability;
  /** The window's title; by default the label of the module's menu entry the path lies under. */
  titleKey?: MessageKey;
}

/** Who sees a menu entry or header item: anyone with one of the abilities, or one of the roles; everyone without either. */
export interface Audience {
  ability?: Ability | readonly Ability[];
  roles?: readonly Role[];
}

export interface MenuEntry extends Audience {
  /** The path it opens; the entry stays selected below it. */
  key: string;
  icon: ReactNode;
  labelKey: MessageKey;
  /** Lower first. */
  order: number;
}

/** Something the module puts in the office header (the work-order bell). */
export interface HeaderItem extends Audience {
  key: string;
  element: ReactNode;
}

/** Where signing in leads those with one of `roles`: the landing of the lowest `order` that fits the user wins. */
export interface Landing {
  path: string;
  roles: readonly Role[];
  order: number;
}

/** A web module: the web app's side of a server manifest. modules/index.ts lists them; the shell reads nothing else. */
export interface WebModule<C extends object = object> {
  name: string;
  routes: readonly ModuleRoute[];
  menu?: readonly MenuEntry[];
  header?: readonly HeaderItem[];
  landings?: readonly Landing[];
  /** Its texts; the keys of every module and of the shell together make the app's catalogue (i18n/types.ts). */
  i18n?: { 'zh-CN': C; en: Widen<C> };
}

/** Whether the signed-in user is in the audience. */
export function reaches(audience: Audience, can: (subject: string, action: string) => boolean, roles: readonly Role[]): boolean {
  const { ability, roles: wanted } = audience;
  if (!ability && !wanted) return true;
  const abilities: readonly Ability[] = !ability ? [] : 'subject' in ability ? [ability] : ability;
  return abilities.some((a) => can(a.subject, a.action)) || (wanted ?? []).some((r) => roles.includes(r));
}
