import { defineConfig } from 'vite';

// The embeddable widget: ONE self-contained ES module at /widget/tocsin-events.js (library mode, Lit bundled).
export default defineConfig({
  build: {
    outDir: 'target/classes/static/widget',
    emptyOutDir: true,
    copyPublicDir: false,
    lib: {
      entry: 'src/widget/tocsin-events.ts',
      formats: ['es'],
      fileName: () => 'tocsin-events.js',
    },
    rolldownOptions: { output: { codeSplitting: false } },
    minify: true,
  },
});
