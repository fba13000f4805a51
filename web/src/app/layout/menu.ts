import { webModules } from '../../modules';
import { useT } from '../i18n/I18nProvider';
import { reaches, type MenuEntry } from '../module';
import { useSession } from '../session/SessionProvider';

const MENU: readonly MenuEntry[] = webModules.flatMap((m) => m.menu ?? []).sort((a, b) => a.order - b.order);

/** The menu entries the signed-in user reaches, in order, with their labels: the side menu, and the workbench's shortcuts. */
export function useMenu() {
  const t = useT();
  const { can, me } = useSession();
  const roles = (me?.roles ?? []).map((r) => r.role);
  return MENU.filter((e) => reaches(e, can, roles)).map((e) => ({ key: e.key, icon: e.icon, label: t(e.labelKey) }));
}
