import { Spin } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { PlacesPage } from '../modules/places/PlacesPage';
import { lazyNamed } from './lazy';
import { AppLayout } from './layout/AppLayout';
import { RequireAbility, RequireAuth } from './session/RequireAuth';

// Only the place tree loads with the app; every other page loads when it is first opened.
const WorkOrdersPage = lazyNamed(() => import('../modules/work-orders/WorkOrdersPage'), 'WorkOrdersPage');
const FileDemandPage = lazyNamed(() => import('../modules/work-orders/FileDemandPage'), 'FileDemandPage');
const WorkOrderDetailPage = lazyNamed(() => import('../modules/work-orders/WorkOrderDetailPage'), 'WorkOrderDetailPage');
const AccountsPage = lazyNamed(() => import('../modules/accounts/AccountsPage'), 'AccountsPage');
const AuditPage = lazyNamed(() => import('../modules/audit/AuditPage'), 'AuditPage');
const RatesPage = lazyNamed(() => import('../modules/rates/RatesPage'), 'RatesPage');
const PublicRankingPage = lazyNamed(() => import('../modules/rates/PublicRankingPage'), 'PublicRankingPage');
const H5App = lazyNamed(() => import('../modules/h5/H5App'), 'H5App');
const LoginPage = lazyNamed(() => import('../modules/auth/LoginPage'), 'LoginPage');

const Loading = ({ children }: { children: ReactNode }) => (
  <Suspense fallback={<Spin style={{ display: 'block', marginTop: 80 }} />}>{children}</Suspense>
);

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<Loading><LoginPage /></Loading>} />
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
        <Route path="/work-orders" element={<Loading><WorkOrdersPage /></Loading>} />
        <Route path="/work-orders/new" element={<Loading><FileDemandPage /></Loading>} />
        <Route path="/work-orders/:id" element={<Loading><WorkOrderDetailPage /></Loading>} />
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
