// Vite build of the renderer into dist/renderer, served by the loopback host and loaded by Electron.
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  // Relative asset paths, so the same build loads from the host, from file:// and from a custom protocol.
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(here, '..', 'dist', 'renderer'),
    emptyOutDir: true,
    // Never inline scripts or styles into index.html: the CSP allows 'self' only.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
});
