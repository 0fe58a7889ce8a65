import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Private build folder per checkout (never in a shared node_modules): never races with a developer's own `dist/`; ignored by git and eslint. */
export const BUILD_DIR = resolve('.e2e-build/dist');

/**
 * Production build of the console into BUILD_DIR (`vite build`; the typecheck runs in its own stage of
 * `npm test`, so a type error elsewhere does not hide e2e results). E2E_SKIP_BUILD=1 reuses the last one.
 */
export async function buildConsole(
  log: (line: string) => void = () => {},
): Promise<{ seconds: number; reused: boolean }> {
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(join(BUILD_DIR, 'index.html'))) {
    log(
      `reusing the build in ${BUILD_DIR} (E2E_SKIP_BUILD=1, built ${statSync(join(BUILD_DIR, 'index.html')).mtime.toISOString()})`,
    );
    return { seconds: 0, reused: true };
  }
  const started = performance.now();
  // Build beside, then swap in: another run serving the previous build is never left half-written.
  const fresh = `${BUILD_DIR}-${process.pid}`;
  await new Promise<void>((ok, fail) => {
    const child = spawn(
      process.execPath,
      // A manifest and hidden source maps (no sourceMappingURL in the served files) for the size check.
      [
        'node_modules/vite/bin/vite.js',
        'build',
        '--manifest',
        '--sourcemap',
        'hidden',
        '--outDir',
        fresh,
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    child.once('error', fail);
    child.once('exit', (code, signal) =>
      code === 0 ? ok() : fail(new Error(`vite build failed (${code ?? signal})`)),
    );
  });
  rmSync(BUILD_DIR, { recursive: true, force: true });
  renameSync(fresh, BUILD_DIR);
  const seconds = (performance.now() - started) / 1000;
  log(`built the console in ${seconds.toFixed(1)} s`);
  return { seconds, reused: false };
}
