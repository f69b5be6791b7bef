import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      registerType: 'prompt',
      // Our own worker (src/sw.ts): the precache plus Background Sync of the outbox.
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      injectRegister: false,
      includeAssets: ['icons/*.png'],
      manifest: {
        name: 'Rollcall — attendance',
        short_name: 'Rollcall',
        description:
          'Offline-first attendance: scan badges at the door, sync when the network returns.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        // Tablets stand in landscape at the door; phones turn as their owner likes.
        orientation: 'any',
        theme_color: '#0b1220',
        background_color: '#0b1220',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icons/maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      },
    }),
  ],
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  build: { sourcemap: false, chunkSizeWarningLimit: 900 },
});
