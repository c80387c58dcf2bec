import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { limits, passwordPolicyViolation } from '@shuyuan/contracts';
import { errorText } from '@/components/api-error';
import { homeFor, useChangePassword, useMe } from '@/features/identity/use-session';
import type { MessageKey } from '@/i18n/messages';
import { useT } from '@/i18n/lang-provider';
import { safeNext } from '@/portals/account/safe-next';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const violationText: Record<NonNullable<ReturnType<typeof passwordPolicyViolation>>, MessageKey> = {
  too_short: 'password.tooShort',
  too_long: 'password.tooLong',
  too_few_classes: 'password.tooFewClasses',
  contains_login: 'password.containsLogin',
};

/** Changes the caller's password; required before anything else after an initial or reset password. */
export function ChangePasswordPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const { data: me } = useMe();
  const change = useChangePassword();
  const [error, setError] = useState<string | null>(null);
  const policy = { min: limits.passwordMin, classes: limits.passwordClassesMin };

  const onFinish = async (values: PasswordForm) => {
    setError(null);
    try {
      await change.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      void message.success(t('password.changed'));
      navigate(safeNext(params.get('next')) ?? homeFor(me), { replace: true });
    } catch (caught) {
      setError(errorText(caught, t));
    }
  };

  return (
    <Card style={{ width: 440, maxWidth: '100%' }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('password.title')}
      </Typography.Title>
      {me?.user.mustChangePassword && <Alert type="info" showIcon title={t('password.mustChange')} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">{t('password.policy', policy)}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Form<PasswordForm> layout="vertical" onFinish={onFinish} disabled={change.isPending}>
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('password.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: t('password.newRequired') },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                if (!value) return;
                const violation = passwordPolicyViolation(value, me?.user.login);
                if (violation) throw new Error(t(violationText[violation], { ...policy, max: limits.passwordMax }));
                if (value === getFieldValue('currentPassword')) throw new Error(t('password.sameAsCurrent'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={limits.passwordMax} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={change.isPending} data-testid="password-submit">
          {t('password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
