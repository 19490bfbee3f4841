// Serves the built web version of Spanwright (dist-web) on 127.0.0.1. Port from PORT.
import { existsSync } from 'node:fs';
import { preview } from 'vite';

if (!existsSync(new URL('../dist-web/index.html', import.meta.url))) {
  console.error('dist-web/ is missing: run `npm run build:web` first (or `npm run web`).');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 5178);
const server = await preview({
  configFile: new URL('../vite.web.config.ts', import.meta.url).pathname,
  preview: { host: '127.0.0.1', port, strictPort: true, open: false },
});
console.log(`Spanwright (web) is running at http://127.0.0.1:${port}/  (Ctrl+C to stop)`);
server.httpServer.on('close', () => process.exit(0));
