import { defineConfig } from 'vite';

// The app. The build lands in target/classes/static so that the frontend jar puts it on the backend's
// classpath, where Spring Boot serves it at "/". The widget is a second build (vite.widget.config.ts).
export default defineConfig({
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    // No inline module-preload polyfill: it would need 'unsafe-inline' in the CSP.
    modulePreload: { polyfill: false },
    // Never inline assets as data: URLs into scripts; keep everything a file from 'self'.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080', '/feeds': 'http://127.0.0.1:8080' },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
  },
});
