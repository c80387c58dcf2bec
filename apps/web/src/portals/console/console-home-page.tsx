import type { ReactNode } from 'react';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { ApartmentOutlined, AppstoreOutlined, TeamOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { Permission } from '@shuyuan/contracts';
import { useApps } from '@/features/identity/use-apps';
import { useDepartments } from '@/features/identity/use-departments';
import { useCan, useMe } from '@/features/identity/use-session';
import { useUsers } from '@/features/identity/use-users';
import { useT } from '@/i18n/lang-provider';

function CountCard({
  title,
  icon,
  value,
  loading,
  to,
  testId,
}: {
  title: string;
  icon: ReactNode;
  value: number | undefined;
  loading: boolean;
  to: string;
  testId: string;
}) {
  return (
    <Col xs={24} sm={12} lg={8}>
      <Link to={to}>
        <Card hoverable data-testid={testId}>
          <Statistic title={title} prefix={icon} value={value ?? '—'} loading={loading} />
        </Card>
      </Link>
    </Col>
  );
}

/** The console dashboard: a welcome and the counts the user may see. */
export function ConsoleHomePage() {
  const t = useT();
  const can = useCan();
  const { data: me } = useMe();
  const departments = useDepartments({ enabled: can(Permission.DepartmentRead) });
  const users = useUsers({ limit: 1, offset: 0 }, { enabled: can(Permission.UserRead) });
  const apps = useApps(undefined, { enabled: can(Permission.AppRead) });
  const anyCount = can(Permission.DepartmentRead) || can(Permission.UserRead) || can(Permission.AppRead);

  return (
    <>
      <Card style={{ marginBottom: 24 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('console.home.welcome', { name: me?.user.displayName ?? '' })}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {anyCount ? t('console.home.intro', { department: me?.user.departmentName ?? '' }) : t('console.home.nothing')}
        </Typography.Paragraph>
      </Card>
      <Row gutter={[16, 16]}>
        {can(Permission.DepartmentRead) && (
          <CountCard
            testId="count-departments"
            to="/console/departments"
            title={t('console.home.departments')}
            icon={<ApartmentOutlined />}
            value={departments.data?.length}
            loading={departments.isPending}
          />
        )}
        {can(Permission.UserRead) && (
          <CountCard
            testId="count-users"
            to="/console/users"
            title={t('console.home.users')}
            icon={<TeamOutlined />}
            value={users.data?.total}
            loading={users.isPending}
          />
        )}
        {can(Permission.AppRead) && (
          <CountCard
            testId="count-apps"
            to="/console/apps"
            title={t('console.home.apps')}
            icon={<AppstoreOutlined />}
            value={apps.data?.length}
            loading={apps.isPending}
          />
        )}
      </Row>
    </>
  );
}
