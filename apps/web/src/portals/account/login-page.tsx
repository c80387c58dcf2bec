import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { limits } from '@shuyuan/contracts';
import { meQueryKey } from '@/api/query-client';
import { errorText } from '@/components/api-error';
import { PageLoading } from '@/components/page-loading';
import type { Me } from '@/features/identity/identity-types';
import { homeFor, useLogin, useMe } from '@/features/identity/use-session';
import { useT } from '@/i18n/lang-provider';
import { safeNext } from '@/portals/account/safe-next';

interface LoginForm {
  login: string;
  password: string;
}

/** Login with login name and password; then on to `next`, the password change, or the user's portal. */
export function LoginPage() {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const login = useLogin();
  const { data: me, isPending } = useMe();
  const [error, setError] = useState<string | null>(null);

  if (isPending) return <PageLoading />;
  // Already logged in (a second tab, the back button): no need to log in again.
  if (me && !login.isPending && !login.isSuccess)
    return <Navigate to={me.user.mustChangePassword ? '/account/password' : (next ?? homeFor(me))} replace />;

  const onFinish = async (values: LoginForm) => {
    setError(null);
    try {
      const result = await login.mutateAsync({ login: values.login.trim(), password: values.password });
      const session = queryClient.getQueryData<Me | null>(meQueryKey);
      if (result.mustChangePassword) {
        navigate(next ? `/account/password?next=${encodeURIComponent(next)}` : '/account/password', { replace: true });
      } else {
        navigate(next ?? homeFor(session), { replace: true });
      }
    } catch (caught) {
      setError(errorText(caught, t));
    }
  };

  return (
    <Card style={{ width: 400, maxWidth: '100%' }}>
      <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
        {t('login.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        {t('login.subtitle')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form<LoginForm> layout="vertical" onFinish={onFinish} requiredMark={false} disabled={login.isPending}>
        <Form.Item
          name="login"
          label={t('login.login')}
          rules={[
            { required: true, whitespace: true, message: t('login.loginRequired') },
            { max: limits.loginMax, message: t('validation.max', { max: limits.loginMax }) },
          ]}
        >
          <Input id="login" prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[
            { required: true, message: t('login.passwordRequired') },
            { max: limits.passwordMax, message: t('validation.max', { max: limits.passwordMax }) },
          ]}
        >
          <Input.Password id="password" prefix={<LockOutlined />} autoComplete="current-password" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={login.isPending} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
        {t('login.lockoutHint', { attempts: limits.lockoutAttempts, minutes: limits.lockoutMinutes })}
      </Typography.Paragraph>
    </Card>
  );
}
