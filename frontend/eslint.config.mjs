// Lint rules for the app, the widget, their tests and the browser tests; formatting is Prettier's job.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'target/', 'node_modules/', 'public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['src/**/*.ts'], languageOptions: { globals: globals.browser } },
  // The service worker (plain JavaScript, emitted as /sw.js by vite.config.ts).
  { files: ['src/pwa/*.js'], languageOptions: { globals: globals.serviceworker } },
  // Node scripts; the browser tests also pass functions to page.evaluate, which run in the page.
  {
    files: ['e2e/**/*.mjs', 'scripts/**/*.mjs', '*.config.*'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
