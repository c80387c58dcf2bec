import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router-dom';
import { createQueryClient } from '@/api/query-client';
import { AppRoutes } from '@/app';
import { AntdProvider } from '@/components/antd-provider';
import { LangProvider } from '@/i18n/lang-provider';
import '@/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <LangProvider>
      <QueryClientProvider client={createQueryClient()}>
        <AntdProvider>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </AntdProvider>
      </QueryClientProvider>
    </LangProvider>
  </StrictMode>,
);
