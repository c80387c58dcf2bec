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
const CatalogSearchPage = lazy(() => import('@/portals/share/catalog-search-page').then((m) => ({ default: m.CatalogSearchPage })));
const CatalogEntryPage = lazy(() => import('@/portals/share/catalog-entry-page').then((m) => ({ default: m.CatalogEntryPage })));
const GrantsPage = lazy(() => import('@/portals/share/grants-page').then((m) => ({ default: m.GrantsPage })));
const GrantDetailPage = lazy(() => import('@/portals/share/grant-detail-page').then((m) => ({ default: m.GrantDetailPage })));
const ConsoleHomePage = lazy(() => import('@/portals/console/console-home-page').then((m) => ({ default: m.ConsoleHomePage })));
const DepartmentsPage = lazy(() => import('@/portals/console/departments-page').then((m) => ({ default: m.DepartmentsPage })));
const UsersPage = lazy(() => import('@/portals/console/users-page').then((m) => ({ default: m.UsersPage })));
const RolesPage = lazy(() => import('@/portals/console/roles-page').then((m) => ({ default: m.RolesPage })));
const AppsPage = lazy(() => import('@/portals/console/apps-page').then((m) => ({ default: m.AppsPage })));
const AuditPage = lazy(() => import('@/portals/console/audit-page').then((m) => ({ default: m.AuditPage })));
const CatalogMinePage = lazy(() => import('@/portals/console/catalog-mine-page').then((m) => ({ default: m.CatalogMinePage })));
const CatalogFormPage = lazy(() => import('@/portals/console/catalog-form-page').then((m) => ({ default: m.CatalogFormPage })));
const CatalogEntryConsolePage = lazy(() =>
  import('@/portals/console/catalog-entry-console-page').then((m) => ({ default: m.CatalogEntryConsolePage })),
);
const CatalogReviewPage = lazy(() => import('@/portals/console/catalog-review-page').then((m) => ({ default: m.CatalogReviewPage })));
const CatalogSystemsPage = lazy(() => import('@/portals/console/catalog-systems-page').then((m) => ({ default: m.CatalogSystemsPage })));
const CatalogImportPage = lazy(() => import('@/portals/console/catalog-import-page').then((m) => ({ default: m.CatalogImportPage })));
const SourcesPage = lazy(() => import('@/portals/console/sources-page').then((m) => ({ default: m.SourcesPage })));
const SourceDetailPage = lazy(() => import('@/portals/console/source-detail-page').then((m) => ({ default: m.SourceDetailPage })));
const MountsPage = lazy(() => import('@/portals/console/mounts-page').then((m) => ({ default: m.MountsPage })));
const EvidencePage = lazy(() => import('@/portals/console/evidence-page').then((m) => ({ default: m.EvidencePage })));
const CascadePage = lazy(() => import('@/portals/console/cascade-page').then((m) => ({ default: m.CascadePage })));
const ExchangeApisPage = lazy(() => import('@/portals/console/exchange-apis-page').then((m) => ({ default: m.ExchangeApisPage })));
const ExchangeApiPage = lazy(() => import('@/portals/console/exchange-api-page').then((m) => ({ default: m.ExchangeApiPage })));
const ExchangeOverviewPage = lazy(() =>
  import('@/portals/console/exchange-overview-page').then((m) => ({ default: m.ExchangeOverviewPage })),
);
const ExchangeGrantsPage = lazy(() => import('@/portals/console/exchange-grants-page').then((m) => ({ default: m.ExchangeGrantsPage })));
const ExchangeJobsPage = lazy(() => import('@/portals/console/exchange-jobs-page').then((m) => ({ default: m.ExchangeJobsPage })));
const ExchangeJobPage = lazy(() => import('@/portals/console/exchange-job-page').then((m) => ({ default: m.ExchangeJobPage })));
const ExchangeReturnsPage = lazy(() => import('@/portals/console/exchange-returns-page').then((m) => ({ default: m.ExchangeReturnsPage })));
const ExchangeFilesPage = lazy(() => import('@/portals/console/exchange-files-page').then((m) => ({ default: m.ExchangeFilesPage })));
const SubscriptionsPage = lazy(() => import('@/portals/share/subscriptions-page').then((m) => ({ default: m.SubscriptionsPage })));

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
        <Route path="catalog" element={guarded(Permission.CatalogRead, <CatalogSearchPage />)} />
        <Route path="catalog/:id" element={guarded(Permission.CatalogRead, <CatalogEntryPage />)} />
        <Route path="grants" element={guarded(Permission.GrantRead, <GrantsPage />)} />
        <Route path="grants/:id" element={guarded(Permission.GrantRead, <GrantDetailPage />)} />
        <Route path="subscriptions" element={guarded(Permission.JobRead, <SubscriptionsPage />)} />
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
        <Route path="catalog" element={guarded([Permission.CatalogCompile, Permission.CatalogRead], <CatalogMinePage />)} />
        <Route path="catalog/new" element={guarded(Permission.CatalogCompile, <CatalogFormPage />)} />
        <Route path="catalog/import" element={guarded(Permission.CatalogCompile, <CatalogImportPage />)} />
        <Route path="catalog/review" element={guarded(Permission.CatalogReview, <CatalogReviewPage />)} />
        <Route path="catalog/systems" element={guarded(Permission.CatalogRead, <CatalogSystemsPage />)} />
        <Route path="catalog/:id" element={guarded(Permission.CatalogRead, <CatalogEntryConsolePage />)} />
        <Route path="catalog/:id/edit" element={guarded(Permission.CatalogCompile, <CatalogFormPage />)} />
        <Route path="catalog/:id/mounts" element={guarded(Permission.CatalogRead, <MountsPage />)} />
        <Route path="sources" element={guarded(Permission.SourceRead, <SourcesPage />)} />
        <Route path="sources/:id" element={guarded(Permission.SourceRead, <SourceDetailPage />)} />
        <Route path="cascade" element={guarded(Permission.CascadeManage, <CascadePage />)} />
        <Route path="evidence" element={guarded(Permission.AuditRead, <EvidencePage />)} />
        <Route path="exchange/apis" element={guarded([Permission.ExchangeApiManage, Permission.CallRead], <ExchangeApisPage />)} />
        <Route path="exchange/apis/:id" element={guarded([Permission.ExchangeApiManage, Permission.CallRead], <ExchangeApiPage />)} />
        <Route path="exchange/overview" element={guarded(Permission.ScopeAll, guarded(Permission.CallRead, <ExchangeOverviewPage />))} />
        <Route path="exchange/grants" element={guarded(Permission.GrantRead, <ExchangeGrantsPage />)} />
        <Route path="exchange/jobs" element={guarded(Permission.JobRead, <ExchangeJobsPage />)} />
        <Route path="exchange/jobs/:id" element={guarded(Permission.JobRead, <ExchangeJobPage />)} />
        <Route path="exchange/returns" element={guarded(Permission.JobRead, <ExchangeReturnsPage />)} />
        <Route path="exchange/files" element={guarded(Permission.FileManage, <ExchangeFilesPage />)} />
        <Route path="*" element={<NotFoundResult />} />
      </Route>
      <Route element={<OpenLayout />}>
        <Route path="*" element={<NotFoundResult />} />
      </Route>
    </Routes>
  );
}

/** A page for users holding the permission, or any of several. */
function guarded(permission: string | readonly string[], page: ReactNode) {
  return <RequireAccess permission={permission}>{page}</RequireAccess>;
}
