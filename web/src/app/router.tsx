import { Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { LoginPage } from '../modules/auth/LoginPage';
import { PlacesPage } from '../modules/places/PlacesPage';
import { FileDemandPage } from '../modules/work-orders/FileDemandPage';
import { WorkOrderDetailPage } from '../modules/work-orders/WorkOrderDetailPage';
import { WorkOrdersPage } from '../modules/work-orders/WorkOrdersPage';
import { AppLayout } from './layout/AppLayout';
import { RequireAbility, RequireAuth } from './session/RequireAuth';

// The office pages most users never open load on demand.
const AccountsPage = lazy(() => import('../modules/accounts/AccountsPage').then((m) => ({ default: m.AccountsPage })));
const AuditPage = lazy(() => import('../modules/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const RatesPage = lazy(() => import('../modules/rates/RatesPage').then((m) => ({ default: m.RatesPage })));
const PublicRankingPage = lazy(() => import('../modules/rates/PublicRankingPage').then((m) => ({ default: m.PublicRankingPage })));
const H5App = lazy(() => import('../modules/h5/H5App').then((m) => ({ default: m.H5App })));

const Loading = ({ children }: { children: ReactNode }) => (
  <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>{children}</Suspense>
);

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/public/ranking" element={<Loading><PublicRankingPage /></Loading>} />
      <Route path="/h5/*" element={<Loading><H5App /></Loading>} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to="/places" replace />} />
        {/* One route with an optional id: the page stays mounted when /places redirects to the first root. */}
        <Route path="/places/:id?" element={<PlacesPage />} />
        <Route path="/work-orders" element={<WorkOrdersPage />} />
        <Route path="/work-orders/new" element={<FileDemandPage />} />
        <Route path="/work-orders/:id" element={<WorkOrderDetailPage />} />
        <Route
          path="/rates"
          element={
            <RequireAbility subject="rates" action="read">
              <Loading>
                <RatesPage />
              </Loading>
            </RequireAbility>
          }
        />
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
