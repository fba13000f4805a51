import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { LoginPage } from '../modules/auth/LoginPage';
import { PlacesPage } from '../modules/places/PlacesPage';
import { AppLayout } from './layout/AppLayout';
import { RequireAbility, RequireAuth } from './session/RequireAuth';

// The office pages most users never open load on demand.
const AccountsPage = lazy(() => import('../modules/accounts/AccountsPage').then((m) => ({ default: m.AccountsPage })));
const AuditPage = lazy(() => import('../modules/audit/AuditPage').then((m) => ({ default: m.AuditPage })));

const Loading = ({ children }: { children: ReactNode }) => (
  <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>{children}</Suspense>
);

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to="/places" replace />} />
        <Route path="/places" element={<PlacesPage />} />
        <Route path="/places/:id" element={<PlacesPage />} />
        <Route
          path="/accounts"
          element={
            <RequireAbility subject="user" action="read">
              <Loading>
                <AccountsPage />
              </Loading>
            </RequireAbility>
          }
        />
        <Route
          path="/audit"
          element={
            <RequireAbility subject="audit" action="read">
              <Loading>
                <AuditPage />
              </Loading>
            </RequireAbility>
          }
        />
        <Route path="*" element={<Navigate to="/places" replace />} />
      </Route>
    </Routes>
  );
}
