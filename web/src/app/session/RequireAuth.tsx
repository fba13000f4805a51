import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from './SessionProvider';

/** Where signing in, `/` and unknown addresses lead: the place tree. */
export const HOME = '/places';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const location = useLocation();
  if (me === undefined) {
    return (
      <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
        <Spin size="large" />
      </div>
    );
  }
  if (me === null) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

/** Hides a whole page from users whose abilities do not include it. */
export function RequireAbility({ subject, action, children }: { subject: string; action: string; children: ReactNode }) {
  const { can } = useSession();
  return can(subject, action) ? <>{children}</> : <Navigate to={HOME} replace />;
}
