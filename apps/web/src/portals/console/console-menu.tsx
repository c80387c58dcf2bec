import type { ReactNode } from 'react';
import { Menu } from 'antd';
import {
  ApartmentOutlined,
  ApiOutlined,
  AppstoreOutlined,
  AuditOutlined,
  SafetyCertificateOutlined,
  CloudServerOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FileDoneOutlined,
  FileSyncOutlined,
  FileTextOutlined,
  FundOutlined,
  InboxOutlined,
  KeyOutlined,
  SafetyOutlined,
  SyncOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Link, useLocation } from 'react-router-dom';
import { Permission } from '@shuyuan/contracts';
import type { MessageKey } from '@/i18n/messages';
import { useT } from '@/i18n/lang-provider';

interface ConsoleMenuEntry {
  key: string;
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Shown only to users holding it (or any of them); the dashboard needs none beyond console access. */
  permission?: Permission | readonly Permission[];
  /** Also needed, besides `permission` (the overview needs the bureau's scope and the call log). */
  alsoNeeds?: Permission;
  /** The heading the entry is listed under; entries of one group stay together. */
  group?: MessageKey;
}

/** True when the user holds the entry's permission, or one of its permissions. */
function mayOpen(entry: ConsoleMenuEntry, permissions: readonly string[]): boolean {
  if (entry.alsoNeeds && !permissions.includes(entry.alsoNeeds)) return false;
  if (!entry.permission) return true;
  const wanted: readonly Permission[] = typeof entry.permission === 'string' ? [entry.permission] : entry.permission;
  return wanted.some((permission) => permissions.includes(permission));
}

/** The console's sections and the permission each needs. */
export const consoleMenuEntries: ConsoleMenuEntry[] = [
  { key: 'home', path: '/console', label: 'console.menu.home', icon: <DashboardOutlined /> },
  {
    key: 'catalog-mine',
    path: '/console/catalog',
    label: 'console.menu.catalogMine',
    icon: <FileTextOutlined />,
    permission: [Permission.CatalogCompile, Permission.CatalogRead],
  },
  {
    key: 'catalog-review',
    path: '/console/catalog/review',
    label: 'console.menu.catalogReview',
    icon: <FileDoneOutlined />,
    permission: Permission.CatalogReview,
  },
  {
    key: 'catalog-systems',
    path: '/console/catalog/systems',
    label: 'console.menu.catalogSystems',
    icon: <CloudServerOutlined />,
    permission: Permission.CatalogRead,
  },
  {
    key: 'sources',
    path: '/console/sources',
    label: 'console.menu.sources',
    icon: <DatabaseOutlined />,
    permission: Permission.SourceRead,
  },
  {
    key: 'cascade',
    path: '/console/cascade',
    label: 'console.menu.cascade',
    icon: <ClusterOutlined />,
    permission: Permission.CascadeManage,
  },
  {
    key: 'departments',
    path: '/console/departments',
    label: 'console.menu.departments',
    icon: <ApartmentOutlined />,
    permission: Permission.DepartmentRead,
  },
  { key: 'users', path: '/console/users', label: 'console.menu.users', icon: <TeamOutlined />, permission: Permission.UserRead },
  { key: 'roles', path: '/console/roles', label: 'console.menu.roles', icon: <SafetyOutlined />, permission: Permission.RoleRead },
  { key: 'apps', path: '/console/apps', label: 'console.menu.apps', icon: <AppstoreOutlined />, permission: Permission.AppRead },
  { key: 'audit', path: '/console/audit', label: 'console.menu.audit', icon: <AuditOutlined />, permission: Permission.AuditRead },
  {
    key: 'evidence',
    path: '/console/evidence',
    label: 'console.menu.evidence',
    icon: <SafetyCertificateOutlined />,
    permission: Permission.AuditRead,
  },
  {
    key: 'exchange-apis',
    path: '/console/exchange/apis',
    label: 'console.menu.exchangeApis',
    icon: <ApiOutlined />,
    permission: [Permission.ExchangeApiManage, Permission.CallRead],
    group: 'console.menu.exchange',
  },
  {
    key: 'exchange-overview',
    path: '/console/exchange/overview',
    label: 'console.menu.exchangeOverview',
    icon: <FundOutlined />,
    permission: Permission.ScopeAll,
    alsoNeeds: Permission.CallRead,
    group: 'console.menu.exchange',
  },
  {
    key: 'exchange-grants',
    path: '/console/exchange/grants',
    label: 'console.menu.exchangeGrants',
    icon: <KeyOutlined />,
    permission: Permission.GrantRead,
    group: 'console.menu.exchange',
  },
  {
    key: 'exchange-jobs',
    path: '/console/exchange/jobs',
    label: 'console.menu.exchangeJobs',
    icon: <SyncOutlined />,
    permission: Permission.JobRead,
    group: 'console.menu.exchange',
  },
  {
    key: 'exchange-returns',
    path: '/console/exchange/returns',
    label: 'console.menu.exchangeReturns',
    icon: <InboxOutlined />,
    permission: Permission.JobRead,
    group: 'console.menu.exchange',
  },
  {
    key: 'exchange-files',
    path: '/console/exchange/files',
    label: 'console.menu.exchangeFiles',
    icon: <FileSyncOutlined />,
    permission: Permission.FileManage,
    group: 'console.menu.exchange',
  },
];

/** The entries as menu items, each group's entries gathered under its heading where the group first appears. */
function menuItems<T>(
  entries: readonly ConsoleMenuEntry[],
  item: (entry: ConsoleMenuEntry) => T,
): (T | { group: MessageKey; children: T[] })[] {
  const out: (T | { group: MessageKey; children: T[] })[] = [];
  const groups = new Map<MessageKey, T[]>();
  for (const entry of entries) {
    if (!entry.group) {
      out.push(item(entry));
      continue;
    }
    let children = groups.get(entry.group);
    if (!children) {
      groups.set(entry.group, (children = []));
      out.push({ group: entry.group, children });
    }
    children.push(item(entry));
  }
  return out;
}

/** The console's side menu, listing only the sections the user may open. */
export function ConsoleMenu({ permissions }: { permissions: readonly string[] }) {
  const t = useT();
  const location = useLocation();
  const entries = consoleMenuEntries.filter((entry) => mayOpen(entry, permissions));
  const selected = [...entries]
    .reverse()
    .find((entry) => location.pathname === entry.path || location.pathname.startsWith(`${entry.path}/`));

  return (
    <nav data-testid="console-menu" aria-label={t('console.menu.label')}>
      <Menu
        mode="inline"
        selectedKeys={selected ? [selected.key] : []}
        style={{ borderInlineEnd: 'none' }}
        items={menuItems(entries, (entry) => ({
          key: entry.key,
          icon: entry.icon,
          label: (
            <Link to={entry.path} data-testid={`nav-${entry.key}`}>
              {t(entry.label)}
            </Link>
          ),
        })).map((item) =>
          'group' in item ? { type: 'group' as const, key: item.group, label: t(item.group), children: item.children } : item,
        )}
      />
    </nav>
  );
}
