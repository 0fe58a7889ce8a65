import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigError, loadConfig } from './aws/config';
import { App } from './app/app';
import { refuseIfFramed } from './app/frame-guard';
import { applyTheme, readTheme } from './app/theme';
import { ConfigErrorPage } from './pages/config-error/config-error-page';
import './index.css';

applyTheme(readTheme());

if (!refuseIfFramed(window)) start();

function start(): void {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  loadConfig(fetch, (window as { __consoleConfig?: Promise<Response> }).__consoleConfig).then(
    (config) =>
      root.render(
        <StrictMode>
          <App config={config} />
        </StrictMode>,
      ),
    (e: unknown) =>
      root.render(<ConfigErrorPage problems={e instanceof ConfigError ? e.problems : [`config.json: ${String(e)}`]} />),
  );
}
