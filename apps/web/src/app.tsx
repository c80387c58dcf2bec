import { lazy, type ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Permission } from '@shuyuan/contracts';
import { RequireAccess } from '@/components/require-access';
import { NotFoundResult } from '@/components/status-results';
import { AccountLayout } from '@/portals/account/account-layout';
import { ConsoleLayout } from '@/portals/console/console-layout';
import { OpenLayout } from '@/portals/open/open-layout';
import { ShareLayout } from '@/portals/share/share-layout';

const OpenHomePage = lazy(() => import('@/portals/open/open-home-page').then((m) => ({ default: m.OpenHomePage })));
const LoginPage = lazy(() => import('@/portals/account/login-page').then((m) => ({ default: m.LoginPage })));
const ChangePasswordPage = lazy(() => import('@/portals/account/change-password-page').then((m) => ({ default: m.ChangePasswordPage })));
const ShareHomePage = lazy(() => import('@/portals/share/share-home-page').then((m) => ({ default: m.ShareHomePage })));
const ProfilePage = lazy(() => import('@/portals/share/profile-page').then((m) => ({ default: m.ProfilePage })));
const ConsoleHomePage = lazy(() => import('@/portals/console/console-home-page').then((m) => ({ default: m.ConsoleHomePage })));
const DepartmentsPage = lazy(() => import('@/portals/console/departments-page').then((m) => ({ default: m.DepartmentsPage })));
const UsersPage = lazy(() => import('@/portals/console/users-page').then((m) => ({ default: m.UsersPage })));
const RolesPage = lazy(() => import('@/portals/console/roles-page').then((m) => ({ default: m.RolesPage })));
const AppsPage = lazy(() => import('@/portals/console/apps-page').then((m) => ({ default: m.AppsPage })));
const AuditPage = lazy(() => import('@/portals/console/audit-page').then((m) => ({ default: m.AuditPage })));

/** The routes of the three portals, the account pages and the 404 page. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<OpenLayout />}>
        <Route index element={<OpenHomePage />} />
      </Route>
      <Route element={<AccountLayout />}>
        <Route path="login" element={<LoginPage />} />
        <Route
          path="account/password"
          element={
            <RequireAccess>
              <ChangePasswordPage />
            </RequireAccess>
          }
        />
      </Route>
      <Route
        path="share"
        element={
          <RequireAccess permission={Permission.ShareAccess} framed>
            <ShareLayout />
          </RequireAccess>
        }
      >
        <Route index element={<ShareHomePage />} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="*" element={<NotFoundResult />} />
      </Route>
      <Route
        path="console"
        element={
          <RequireAccess permission={Permission.ConsoleAccess} framed>
            <ConsoleLayout />
          </RequireAccess>
        }
      >
        <Route index element={<ConsoleHomePage />} />
        <Route path="departments" element={guarded(Permission.DepartmentRead, <DepartmentsPage />)} />
        <Route path="users" element={guarded(Permission.UserRead, <UsersPage />)} />
        <Route path="roles" element={guarded(Permission.RoleRead, <RolesPage />)} />
        <Route path="apps" element={guarded(Permission.AppRead, <AppsPage />)} />
        <Route path="audit" element={guarded(Permission.AuditRead, <AuditPage />)} />
        <Route path="*" element={<NotFoundResult />} />
      </Route>
      <Route element={<OpenLayout />}>
        <Route path="*" element={<NotFoundResult />} />
      </Route>
    </Routes>
  );
}

function guarded(permission: string, page: ReactNode) {
  return <RequireAccess permission={permission}>{page}</RequireAccess>;
}
