import { Navigate, Route, Routes } from 'react-router';
import { AccountsPage } from '../modules/accounts/AccountsPage';
import { AuditPage } from '../modules/audit/AuditPage';
import { LoginPage } from '../modules/auth/LoginPage';
import { PlacesPage } from '../modules/places/PlacesPage';
import { AppLayout } from './layout/AppLayout';
import { RequireAbility, RequireAuth } from './session/RequireAuth';

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
              <AccountsPage />
            </RequireAbility>
          }
        />
        <Route
          path="/audit"
          element={
            <RequireAbility subject="audit" action="read">
              <AuditPage />
            </RequireAbility>
          }
        />
        <Route path="*" element={<Navigate to="/places" replace />} />
      </Route>
    </Routes>
  );
}
