import type { ReactNode } from 'react';
import { App, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useLang } from '@/i18n/lang-provider';

const theme = { token: { colorPrimary: '#1d4ed8', borderRadius: 6 } };

/** Ant Design in the current language (zh_CN by default), with the App context for toasts and dialogs. */
export function AntdProvider({ children }: { children: ReactNode }) {
  const { lang } = useLang();
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={theme}>
      <App>{children}</App>
    </ConfigProvider>
  );
}
