// Entry point: connect to main (IPC or the host), then render. The api is set up before anything reads the
// address, because the host's link carries the session token in the hash that the router also uses.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { config as zodConfig } from 'zod';
import { createApi, setApi } from './api/client';
import { ErrorBoundary } from './components/error-boundary';
import { App } from './views/app';
import './styles/base.css';
import './styles/layout.css';
import './styles/panels.css';
import './styles/forms.css';
import './styles/combobox.css';
import './styles/table.css';

// zod would probe for eval() to speed up parsing; the CSP forbids it, so skip the probe and its console error.
zodConfig({ jitless: true });
setApi(createApi());

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
