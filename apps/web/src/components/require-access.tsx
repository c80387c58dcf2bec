import type { ReactNode } from 'react';
import { Layout } from 'antd';
import { Navigate, useLocation } from 'react-router-dom';
import { errorText } from '@/components/api-error';
import { PageLoading } from '@/components/page-loading';
import { PortalHeader } from '@/components/portal-header';
import { ForbiddenResult, LoadFailedResult } from '@/components/status-results';
import { useMe } from '@/features/identity/use-session';
import { useT } from '@/i18n/lang-provider';

/**
 * Lets a page render only for a logged-in user holding the permission (or, given several, any of
 * them): a visitor goes to login (and comes back after), a user who must change the initial password
 * goes to do that first, anyone else sees 403 (`framed` when the guard stands for a whole portal and
 * no layout surrounds it).
 */
export function RequireAccess({
  permission,
  framed = false,
  children,
}: {
  permission?: string | readonly string[];
  framed?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  const location = useLocation();
  const { data: me, isPending, error, refetch } = useMe();

  if (isPending) return <PageLoading />;
  if (error) return <LoadFailedResult message={errorText(error, t)} onRetry={() => void refetch()} />;
  if (!me) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (me.user.mustChangePassword && location.pathname !== '/account/password') {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/account/password?next=${next}`} replace />;
  }
  const wanted = permission === undefined ? [] : typeof permission === 'string' ? [permission] : permission;
  if (wanted.length > 0 && !wanted.some((p) => me.permissions.includes(p))) {
    // A whole portal refused: keep a header, so the user can still reach what they may use.
    return framed ? (
      <Layout style={{ minHeight: '100vh' }}>
        <PortalHeader portal="account" />
        <Layout.Content>
          <ForbiddenResult />
        </Layout.Content>
      </Layout>
    ) : (
      <ForbiddenResult />
    );
  }
  return <>{children}</>;
}
