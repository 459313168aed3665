import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: one page whose hash picks the window (#/counter, #/supervisor). Relative asset
// paths, so the same build loads from Electron's app:// protocol and from the browser host.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome140',
    // The renderer loads from the app's own disk (app:// or 127.0.0.1), never over a network:
    // one ~525 kB chunk (React, Redux Toolkit, i18next, zod) costs nothing worth splitting for.
    chunkSizeWarningLimit: 1500,
  },
  logLevel: 'warn',
});
