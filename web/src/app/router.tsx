import { Route, Routes } from 'react-router';
import { webModules } from '../modules';
import { PageLoading } from './lazy';
import { PageTitle, titleKeyOf } from './PageTitle';
import { AppLayout } from './layout/AppLayout';
import type { ModuleRoute } from './module';
import { GoHome, RequireAbility, RequireAuth } from './session/RequireAuth';

const routes: readonly ModuleRoute[] = webModules.flatMap((m) => m.routes.map((r) => ({ ...r, titleKey: titleKeyOf(m, r) })));

const page = (r: ModuleRoute) => (
  <PageTitle titleKey={r.titleKey}>
    {r.ability ? <RequireAbility subject={r.ability.subject} action={r.ability.action}>{r.element}</RequireAbility> : r.element}
  </PageTitle>
);

/**
 * Every module's routes: office pages inside the signed-in shell, bare pages on their own. Pages load
 * when first opened (each module.tsx makes them lazy), except the place tree, which loads with the app.
 */
export function AppRoutes() {
  return (
    <PageLoading>
      <Routes>
        {routes.filter((r) => r.shell !== 'office').map((r) => <Route key={r.path} path={r.path} element={page(r)} />)}
        <Route
          element={
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          }
        >
          <Route index element={<GoHome />} />
          {routes.filter((r) => r.shell === 'office').map((r) => <Route key={r.path} path={r.path} element={page(r)} />)}
          <Route path="*" element={<GoHome />} />
        </Route>
      </Routes>
    </PageLoading>
  );
}
