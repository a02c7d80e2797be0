import { defineConfig } from 'vite';

// The build lands in target/classes/static so that the frontend jar puts it on the
// backend's classpath, where Spring Boot serves it at "/".
export default defineConfig({
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    // No inline module-preload polyfill: it would need 'unsafe-inline' in the CSP.
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080', '/feeds': 'http://127.0.0.1:8080' },
  },
});
