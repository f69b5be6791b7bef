import { defineConfig } from 'vite';

// Builds the comparison page and the two size probes (no minification differences between them).
export default defineConfig({
  root: import.meta.dirname,
  logLevel: 'warn',
  // The registry's rxjs metadata here omits its tslib dependency; point at the workspace's copy.
  resolve: {
    alias: { tslib: new URL('../../node_modules/tslib/tslib.es6.mjs', import.meta.url).pathname },
  },
  build: {
    emptyOutDir: true,
    // PROBE=dexie-only|rxdb-only builds one probe alone (no shared chunks) to weigh it.
    rollupOptions: { input: process.env.PROBE ? `${process.env.PROBE}.ts` : 'index.html' },
    outDir: process.env.PROBE ? `dist-${process.env.PROBE}` : 'dist',
  },
});
