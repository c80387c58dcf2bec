import { Component, Suspense, type ErrorInfo, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { Outlet, useLocation } from 'react-router-dom';
import { PageLoading } from '@/components/page-loading';
import { useT } from '@/i18n/lang-provider';

interface BoundaryProps {
  title: string;
  reloadLabel: string;
  children: ReactNode;
}

/** Catches a page that failed to render or to load its code (after a redeploy, say). */
class ErrorBoundary extends Component<BoundaryProps, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('page failed', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title={this.props.title}
        subTitle={this.state.error.message}
        extra={<Button onClick={() => window.location.reload()}>{this.props.reloadLabel}</Button>}
      />
    );
  }
}

/** The outlet of a layout: lazily loaded pages show a spinner, and a failing page does not take the layout down. */
export function PageOutlet() {
  const t = useT();
  const location = useLocation();
  return (
    <ErrorBoundary key={location.pathname} title={t('error.pageFailed')} reloadLabel={t('common.reload')}>
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </ErrorBoundary>
  );
}
