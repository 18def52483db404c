import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The CLI is built beside the app's main entry; it never imports electron. So are the
        // workers both of them start: the import worker (main/import/run.ts) and the open
        // check's worker for large scenario files (main/open/run.ts).
        input: {
          index: resolve(root, 'main/index.ts'),
          cli: resolve(root, 'main/cli/index.ts'),
          'import-worker': resolve(root, 'main/import/worker.ts'),
          'open-worker': resolve(root, 'main/open/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only 'electron': bundle the contract (and zod) into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'preload/index.ts') },
        // A sandboxed preload cannot be an ES module: bundle it to one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
