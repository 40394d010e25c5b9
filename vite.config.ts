// Vite builds the SPA and its service worker; Vitest runs unit tests in Node and browser tests in Debian's
// Chromium (no browser download: the machines cannot fetch one).
import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

export default defineConfig({
  plugins: [
    sveltekit(),
    SvelteKitPWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Packdesk 打单台',
        short_name: 'Packdesk',
        description: 'Local-first packing station: orders, labels, scanning and shipping in the browser.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f4f6f8',
        theme_color: '#1f4e79',
        lang: 'zh-CN',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
        ]
      },
      workbox: {
        globPatterns: ['client/**/*.{js,css,ico,png,svg,webp,woff,woff2,webmanifest}', 'prerendered/**/*.html'],
        navigateFallback: '/',
        // Take control of the open page on first install so it works offline without a reload; later
        // versions still wait for the update prompt (no skipWaiting).
        clientsClaim: true,
        navigateFallbackDenylist: [/^\/health/, /^\/sync/],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024
      },
      kit: { adapterFallback: 'index.html', spa: true },
      devOptions: { enabled: false }
    })
  ],
  server: { fs: { allow: ['workers'] } },
  worker: { format: 'es' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'workers/**/*.test.ts'],
          exclude: ['src/**/*.browser.test.ts']
        }
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['src/**/*.browser.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }]
          }
        }
      }
    ]
  }
});
