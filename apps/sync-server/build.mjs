// Bundles the server into dist/ with the workspace packages inlined (they export TypeScript
// source) and every npm dependency left external, so `node dist/server.js` runs without tsx.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((d) => !d.startsWith('@rollcall/'));

await build({
  entryPoints: ['src/server.ts', 'src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external: [...external, '@sinclair/typebox'],
  // CommonJS dependencies call require(); the names are private so that a source file importing
  // createRequire itself (pdf-fonts.ts does) does not declare it twice in the bundle.
  banner: {
    js: "import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
