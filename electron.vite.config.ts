import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Three builds: the Electron main process (plus the web host and the launcher, which share its code),
// the sandboxed preload (CommonJS, one self-contained file), and the React renderer.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main.ts'),
          web: resolve(import.meta.dirname, 'electron/web/cli.ts'),
          start: resolve(import.meta.dirname, 'electron/start.ts'),
          cli: resolve(import.meta.dirname, 'electron/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve(import.meta.dirname, 'electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react()],
    build: {
      minify: true,
      // A desktop app loads its bundle from disk, not a network: ~1.4 MB (MUI, charts) is not a problem
      // worth a warning on every `npm start`. Above this, something unexpected was pulled in.
      chunkSizeWarningLimit: 2000,
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
  },
});
