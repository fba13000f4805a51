import { useEffect, type ReactNode } from 'react';
import { useT } from './i18n/I18nProvider';
import type { MessageKey } from './i18n/types';
import type { ModuleRoute, WebModule } from './module';

/** A route's title: its own `titleKey`, else the label of its module's menu entry it lies under (the longest such key). */
export function titleKeyOf(module: Pick<WebModule, 'menu'>, route: ModuleRoute): MessageKey | undefined {
  if (route.titleKey) return route.titleKey;
  const under = (module.menu ?? []).filter((e) => route.path === e.key || route.path.startsWith(`${e.key}/`));
  return under.sort((a, b) => b.key.length - a.key.length)[0]?.labelKey;
}

/** Sets the window's title for the page shown (and again when the language changes), e.g. 工作台 - 一张网. */
export function PageTitle({ titleKey, children }: { titleKey: MessageKey | undefined; children: ReactNode }) {
  const t = useT();
  const title = titleKey ? `${t(titleKey)} - ${t('app.name')}` : t('app.name');
  useEffect(() => {
    document.title = title;
  }, [title]);
  return <>{children}</>;
}
