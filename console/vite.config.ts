/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const generated = (file: string) => fileURLToPath(new URL(`../generated/src/${file}`, import.meta.url));

/** `make console-dev` proxies the API to a local CRMS (CRMS_URL, default http://localhost:8001). */
const crms = process.env['CRMS_URL'] ?? 'http://localhost:8001';

export default defineConfig({
  base: '/console/',
  // brotli and gzip copies of every asset next to it (.br, .gz): CRMS sends the one the browser accepts
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], include: /\.(js|css|html|svg|json)$/ })],
  resolve: {
    // the SDK from its generated sources: no separate build step of the @crms/sdk package
    alias: [
      { find: /^@crms\/sdk$/, replacement: generated('index.ts') },
      { find: /^@crms\/sdk\/clients\/auth$/, replacement: generated('clients/auth.ts') },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    // no inline assets: everything is a file served by CRMS under the CSP
    assetsInlineLimit: 0,
  },
  server: {
    proxy: {
      '/api': { target: crms, changeOrigin: true },
      '/health': { target: crms, changeOrigin: true },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
