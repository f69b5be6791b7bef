import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import './styles.css';
import { exposeBenchHooks } from './bench-hooks.ts';

// `?bench` exposes the write path and the engine to the benchmark driver (apps/web/bench).
if (new URLSearchParams(location.search).has('bench')) exposeBenchHooks();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
