import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { landJson } from './scripts/land-path.mjs';

// Files from public/ the service worker keeps with the built ones.
const PUBLIC_SHELL = ['/favicon.svg', '/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png'];

/**
 * Emits /sw.js (src/pwa/sw.js) with the app shell it keeps offline: index.html and every built file, under a
 * version that changes with them, so a new build replaces the old shell and nothing is fetched from elsewhere.
 */
function serviceWorker(): Plugin {
  return {
    name: 'tocsin-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const built = Object.keys(bundle)
        .filter((f) => f.startsWith('assets/'))
        .sort()
        .map((f) => `/${f}`);
      const shell = ['/index.html', ...built, ...PUBLIC_SHELL];
      const version = createHash('sha256').update(shell.join('\n')).digest('hex').slice(0, 12);
      const source = readFileSync(new URL('./src/pwa/sw.js', import.meta.url), 'utf8')
        .replace('self.__TOCSIN_SHELL__', JSON.stringify(shell))
        .replace('self.__TOCSIN_VERSION__', JSON.stringify(version));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

// The app. The build lands in target/classes/static so that the frontend jar puts it on the backend's
// classpath, where Spring Boot serves it at "/". The widget is a second build (vite.widget.config.ts).
/** Emits /map/land-110m.json: the campaign map's land outlines, fetched only when a map is shown. */
function landOutlines(): Plugin {
  return {
    name: 'tocsin-land-outlines',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'map/land-110m.json', source: landJson() });
    },
  };
}

export default defineConfig({
  plugins: [serviceWorker(), landOutlines()],
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
