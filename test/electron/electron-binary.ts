// Finds an Electron executable without loading the `electron` package, whose entry point
// would try to download a binary on machines (like offline CI) where none is installed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where the executable lives inside an Electron dist directory, per platform. */
export function executableInDist(distDir: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return join(distDir, 'Electron.app', 'Contents', 'MacOS', 'Electron');
  if (platform === 'win32') return join(distDir, 'electron.exe');
  return join(distDir, 'electron');
}

/** The executable to launch, or null: ELECTRON_OVERRIDE_DIST_PATH first, then node_modules/electron/dist. */
export function findElectronExecutable(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const distDirs = [env['ELECTRON_OVERRIDE_DIST_PATH'], join(projectRoot, 'node_modules', 'electron', 'dist')];
  for (const distDir of distDirs) {
    if (distDir === undefined || distDir === '') continue;
    const executable = executableInDist(distDir);
    if (existsSync(executable)) return executable;
  }
  return null;
}

export const NO_ELECTRON_MESSAGE =
  'SKIPPED: Electron tests — no Electron binary (node_modules/electron/dist missing; set ELECTRON_OVERRIDE_DIST_PATH)';
