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
          web: resolve(import.meta.dirname, 'electron/web/run-web-host.ts'),
          start: resolve(import.meta.dirname, 'electron/start.ts'),
          'check-cli': resolve(import.meta.dirname, 'electron/check-cli.ts'),
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
      // Lists each chunk's static and dynamic imports: the bundle bench reads what the start page loads.
      manifest: true,
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rollupOptions: {
        input: resolve(import.meta.dirname, 'renderer/index.html'),
        output: {
          // Pages load on demand (renderer/src/navigation.tsx). Libraries every page needs whole get
          // chunks of their own, so no chunk passes the 500 kB warning and they cache apart from app code.
          codeSplitting: {
            groups: [
              { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
              { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
              { name: 'start', tags: ['$initial'] },
            ],
          },
        },
      },
    },
  },
});
