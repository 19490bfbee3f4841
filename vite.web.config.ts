import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { SECURITY_HEADERS } from './src-shared/content-security-policy';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// The web build: the same renderer as a plain page, using the browser implementation
// of the platform bridge. This is how the app runs (and is tested) without Electron.
export default defineConfig({
  root: resolve(import.meta.dirname, 'src-renderer'),
  base: './',
  define: { __APP_VERSION__: JSON.stringify(version) },
  // `npm run web` and the e2e tests serve the build with vite preview: with the CSP as a header,
  // so frame-ancestors (which index.html's meta tag cannot carry) keeps other pages from framing it.
  preview: { headers: { ...SECURITY_HEADERS } },
  build: {
    outDir: resolve(import.meta.dirname, 'dist-web'),
    emptyOutDir: true,
    sourcemap: true,
    // A desktop-class app loaded from disk: one bundle is fine.
    chunkSizeWarningLimit: 1500,
  },
});
