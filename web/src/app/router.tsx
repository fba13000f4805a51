import { Navigate, Route, Routes } from 'react-router';
import { PlacesPage } from '../modules/places/PlacesPage';
import { lazyNamed, PageLoading } from './lazy';
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

/** Office pages only some roles may open: the ability they need (the server checks it again). */
const GUARDED = [
  { path: '/rates', subject: 'rates', page: <RatesPage /> },
  { path: '/accounts', subject: 'user', page: <AccountsPage /> },
  { path: '/audit', subject: 'audit', page: <AuditPage /> },
];

export function AppRoutes() {
  return (
    <PageLoading>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/public/ranking" element={<PublicRankingPage />} />
        <Route path="/h5/*" element={<H5App />} />
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
          {GUARDED.map(({ path, subject, page }) => (
            <Route key={path} path={path} element={<RequireAbility subject={subject} action="read">{page}</RequireAbility>} />
          ))}
          <Route path="*" element={<Navigate to="/places" replace />} />
        </Route>
      </Routes>
    </PageLoading>
  );
}
