// Electron's entry point (bundled to dist/electron/main.cjs, package.json "main"): starts the desktop app.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApp } from './start';

// In the CommonJS bundle import.meta.url is defined from __filename (scripts/build-electron.mjs).
startApp({ baseDir: dirname(fileURLToPath(import.meta.url)) });
