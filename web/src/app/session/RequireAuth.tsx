import { Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { landingFor } from './landing';
import { useSession } from './SessionProvider';

/** Sends the signed-in user to their landing (signing in, `/`, unknown addresses, a page they may not open). */
export function GoHome() {
  const { me } = useSession();
  return <Navigate to={landingFor(me)} replace />;
}

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
  return can(subject, action) ? <>{children}</> : <GoHome />;
}
