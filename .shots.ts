import { chromium, type Page } from '@playwright/test';
import { buildConsole } from './e2e/support/build.js';
import { openSignedIn } from './e2e/support/sign-in.js';
import { startConsoleStack } from './e2e/support/stack.js';
import { USERS } from './e2e/support/users.js';

const OUT = '/tmp/sqs-shots';
const only = process.argv[2];

async function main() {
  await buildConsole((l) => console.log(l));
  const stack = await startConsoleStack();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (const [label, width, scheme] of [['light', 1440, 'light'], ['dark', 1440, 'dark'], ['phone', 390, 'light']] as const) {
      if (only && only !== label) continue;
      const ctx = await browser.newContext({ viewport: { width, height: width < 500 ? 844 : 900 }, colorScheme: scheme });
      const page = await ctx.newPage();
      await openSignedIn(page, stack.baseUrl + '/queues', USERS.admin);
      const shot = async (name: string, p: Page = page) => {
        await p.waitForTimeout(600);
        await p.screenshot({ path: `${OUT}/${label}-${name}.png`, fullPage: false });
      };
      await page.getByRole('grid', { name: 'Queues' }).getByText('orders-dlq').first().waitFor();
      await page.waitForTimeout(1000);
      await shot('list');
      await page.getByRole('button', { name: 'Create queue' }).first().click();
      await page.getByRole('radio', { name: /^FIFO/ }).check();
      await page.getByLabel('Name', { exact: true }).fill('jobs');
      await shot('create');
      await page.keyboard.press('Escape');
      await page.goto(stack.baseUrl + '/queues/notifications');
      await page.getByTestId('queue-counts').waitFor();
      await page.getByLabel('Stop after (seconds)').fill('2');
      await page.getByRole('button', { name: 'Peek at messages' }).click();
      await page.getByText(/Stopped|Time is up|No messages arrived|Every visible/).waitFor({ timeout: 20000 });
      await shot('messages');
      await page.getByRole('grid', { name: 'Messages' }).getByRole('row').nth(1).getByRole('button').last().click();
      await shot('message-details');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Send message' }).click();
      await page.getByRole('button', { name: 'Add attribute' }).click();
      await shot('send');
      await page.keyboard.press('Escape');
      await page.getByRole('tab', { name: 'Details' }).click();
      await shot('details');
      await page.goto(stack.baseUrl + '/queues/orders-dlq?tab=dead-letter');
      await page.getByRole('grid', { name: 'Source queues' }).getByText('orders').first().waitFor();
      await shot('dead-letter');
      await page.getByRole('tab', { name: 'Tags' }).click();
      await shot('tags');
      await ctx.close();
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
