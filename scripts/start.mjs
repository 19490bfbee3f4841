// `npm start`: builds and starts the desktop app. Electron fetches its binary on first run;
// where that cannot happen (no network), say so and point to the web version.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const result = spawnSync('npx', ['electron-vite', 'preview', ...process.argv.slice(2)], { stdio: 'inherit', shell: process.platform === 'win32' });
const hasBinary = existsSync(new URL('../node_modules/electron/dist', import.meta.url)) || Boolean(process.env.ELECTRON_OVERRIDE_DIST_PATH);
if (result.status !== 0 && !hasBinary) {
  console.error(
    '\nSpanwright could not start Electron: its binary is not installed and could not be downloaded.\n' +
      'Connect to the network and run `npm start` again, set ELECTRON_OVERRIDE_DIST_PATH to an Electron build,\n' +
      'or use the same app in your browser: `npm run web`.',
  );
}
process.exit(result.status ?? 1);
