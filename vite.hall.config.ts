import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const page = (name: string) => fileURLToPath(new URL(`./hall/${name}.html`, import.meta.url));

// The hall's pages, served by the central server at /hall/ (server/hall/hallRoutes.ts): the
// kiosk, the display board and the IT team's health page (admin/health.html), pages of one
// build. Relative asset paths, so the pages load wherever the server is mounted (behind a
// reverse proxy's path too).
export default defineConfig({
  root: 'hall',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/hall',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome120',
    rolldownOptions: {
      input: { kiosk: page('kiosk'), display: page('display'), health: page('admin/health') },
    },
  },
  logLevel: 'warn',
});
