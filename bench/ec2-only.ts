// `npx tsx bench/ec2-only.ts`: the instances bench alone (E2E_SKIP_BUILD=1 reuses the last build), for
// working on the page without the whole `npm run bench`.
import { chromium } from '@playwright/test';
import { BUILD_DIR, buildConsole } from '../e2e/support/build.js';
import { openSignedIn } from '../e2e/support/sign-in.js';
import { startConsoleStack } from '../e2e/support/stack.js';
import { USERS } from '../e2e/support/users.js';
import { jsAssetSizes } from './lib/build-stats.js';
import { runEc2Bench } from './ec2.js';

async function main(): Promise<void> {
  await buildConsole((line) => console.log(`[bench] ${line}`));
  const stack = await startConsoleStack();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await (await browser.newContext()).newPage();
    await openSignedIn(page, `${stack.baseUrl}/instances`, USERS.admin);
    const result = await runEc2Bench(page, stack, jsAssetSizes(BUILD_DIR), (m) => console.log(`[bench] ec2: ${m}`));
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
