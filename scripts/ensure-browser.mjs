// Playwright needs a Chromium. Use Debian's when present (it cannot be downloaded on some machines);
// elsewhere fetch Playwright's own build, so `npm install && npm test` works on a fresh laptop.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
if (existsSync(SYSTEM_CHROMIUM) || process.env.CHROMIUM_PATH) {
  process.exit(0);
}
console.log("No system Chromium: installing Playwright's Chromium (once).");
const r = spawnSync('npx', ['playwright', 'install', 'chromium'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
process.exit(r.status ?? 1);
