import { Flex, Spin } from 'antd';
import { useT } from '@/i18n/lang-provider';

/** A centred spinner while a page or its data loads. */
export function PageLoading() {
  const t = useT();
  return (
    <Flex justify="center" align="center" style={{ minHeight: 240, width: '100%' }}>
      <Spin size="large" description={t('common.loading')}>
        <div style={{ width: 120, height: 60 }} />
      </Spin>
    </Flex>
  );
}
