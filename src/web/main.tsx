import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { LangProvider } from './i18n/i18n.js';
import { AntdConfig } from './shell/antd-config.js';
import { SessionProvider } from './shell/session.js';
import { AppRoutes } from './app-routes.js';
import './styles.css';
import { registerServiceWorker } from './pwa/register-sw.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LangProvider>
      <AntdConfig>
        <BrowserRouter>
          <SessionProvider>
            <AppRoutes />
          </SessionProvider>
        </BrowserRouter>
      </AntdConfig>
    </LangProvider>
  </StrictMode>,
);

registerServiceWorker();
