import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import './styles.css';
import { exposeBenchHooks } from './bench-hooks.ts';
import { watchTableLabels } from './lib/table-labels.ts';

// `?bench` exposes the write path and the engine to the benchmark driver (apps/web/bench).
if (new URLSearchParams(location.search).has('bench')) exposeBenchHooks();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
watchTableLabels(root);
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
