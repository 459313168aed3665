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
  },
  logLevel: 'warn',
});
