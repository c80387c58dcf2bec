import { Button, Flex, Result } from 'antd';
import { LinkButton } from '@/components/link-button';
import { useT } from '@/i18n/lang-provider';

/** The 404 page: what was asked for does not exist; links lead home. */
export function NotFoundResult() {
  const t = useT();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('notFound.subtitle')}
      extra={
        <Flex gap={8} justify="center" wrap>
          <LinkButton to="/" type="primary">
            {t('notFound.home')}
          </LinkButton>
          <Button onClick={() => window.history.back()}>{t('common.back')}</Button>
        </Flex>
      }
    />
  );
}

/** Shown to a logged-in user who lacks the permission a page needs. */
export function ForbiddenResult() {
  const t = useT();
  return (
    <Result
      data-testid="forbidden"
      status="403"
      title="403"
      subTitle={t('forbidden.subtitle')}
      extra={
        <LinkButton to="/" type="primary">
          {t('notFound.home')}
        </LinkButton>
      }
    />
  );
}

/** Shown when a page could not load its data. */
export function LoadFailedResult({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const t = useT();
  return (
    <Result
      status="error"
      title={t('error.loadFailed')}
      subTitle={message}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : undefined}
    />
  );
}
