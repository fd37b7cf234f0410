import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { LangProvider, startLang } from './i18n/i18n.js';
import { AntdConfig } from './shell/antd-config.js';
import { SessionProvider } from './shell/session.js';
import { AppRoutes } from './app-routes.js';
import './styles.css';
import { registerServiceWorker } from './pwa/register-sw.js';

// A reader who chose English waits for its dictionary (one small file) rather than see Chinese first.
void startLang().then((lang) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <LangProvider initial={lang}>
        <AntdConfig>
          <BrowserRouter>
            <SessionProvider>
              <AppRoutes />
            </SessionProvider>
          </BrowserRouter>
        </AntdConfig>
      </LangProvider>
    </StrictMode>,
  ),
);

registerServiceWorker();
