import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { test, expect, type Page } from './fixtures.js';

const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

/** Replace the payload editor's text (CodeMirror: select all, then type). */
async function setPayload(page: Page, text: string) {
  const editor = page.getByRole('textbox', { name: 'Payload' });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

const result = (page: Page) => page.getByRole('region', { name: 'Invocation result' });

test('the list shows the seeded functions with their settings, and filters by name', async ({ page, open, axe }) => {
  await open('/functions');
  await expect(page.getByRole('heading', { level: 1, name: /Functions/ })).toBeVisible();
  const grid = page.getByRole('grid', { name: 'Functions' });
  await expect(grid.getByRole('link', { name: 'echo', exact: true })).toBeVisible();
  await expect(grid.getByRole('row', { name: /slow/ })).toContainText('2 s');
  await page.getByRole('searchbox', { name: 'Filter functions by name' }).fill('fail');
  await expect(grid.getByRole('link', { name: 'fails' })).toBeVisible();
  await expect(grid.getByRole('link', { name: 'echo', exact: true })).toHaveCount(0);
  await axe('functions, light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await axe('functions, dark');
});

test('invoke echo with a saved event: result, REPORT figures and log tail; the event survives a reload and round-trips through export and import', async ({
  page,
  open,
  axe,
}) => {
  const marker = unique('m');
  const eventName = unique('evt');
  await open('/functions/echo');
  await setPayload(page, `{"marker":"${marker}"}`);
  await page.getByRole('textbox', { name: 'Event name' }).fill(eventName);
  await page.getByRole('button', { name: 'Save event' }).click();
  await expect(page.getByRole('combobox', { name: 'Saved event' })).toHaveValue(eventName);

  await page.getByRole('button', { name: 'Invoke' }).click();
  await expect(result(page).getByRole('status')).toContainText('Succeeded');
  await expect(result(page).getByLabel('Response payload')).toContainText(`"marker": "${marker}"`);
  await expect(result(page).getByLabel('Log tail')).toContainText(`"marker":"${marker}"`);
  await expect(result(page).getByLabel('Report')).toContainText('Billed duration');
  await axe('function invoked, light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await axe('function invoked, dark');

  await page.reload();
  await page.getByRole('combobox', { name: 'Saved event' }).selectOption(eventName);
  await expect(page.getByRole('textbox', { name: 'Payload' })).toContainText(marker);

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  const file = await (await downloading).path();
  const exported = readFileSync(file, 'utf8');
  expect(exported).toContain(eventName);

  await page.getByRole('button', { name: 'Delete event' }).click();
  await expect(
    page.getByRole('combobox', { name: 'Saved event' }).locator('option', { hasText: eventName }),
  ).toHaveCount(0);
  await page.getByLabel('Import test events file').setInputFiles({
    name: 'events.json',
    mimeType: 'application/json',
    buffer: Buffer.from(exported),
  });
  await expect(page.getByText('Imported from events.json.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Saved event' }).selectOption(eventName);
  await expect(page.getByRole('textbox', { name: 'Payload' })).toContainText(marker);

  await page.getByRole('tab', { name: /Invocations/ }).click();
  await expect(page.getByRole('list', { name: 'Invocations from this browser' })).toContainText('Succeeded');
});

test('a thrown error and a timeout are said in words, and a payload that is not JSON is refused before any call', async ({
  page,
  open,
}) => {
  await open('/functions/fails');
  await page.getByRole('button', { name: 'Invoke' }).click();
  await expect(result(page).getByRole('alert')).toContainText('The function threw Error: This function always fails');
  await expect(result(page).getByRole('alert')).toContainText('unhandled error');

  await setPayload(page, '{oops');
  let invoked = false;
  page.on('request', (r) => {
    if (r.url().includes('/invocations')) invoked = true;
  });
  await page.getByRole('button', { name: 'Invoke' }).click();
  await expect(page.getByText(/^The payload is not JSON/)).toBeVisible();
  expect(invoked).toBe(false);

  await open('/functions/slow');
  await page.getByRole('button', { name: 'Invoke' }).click();
  await expect(result(page).getByRole('alert')).toContainText('The function timed out after 2.00 seconds', {
    timeout: 20_000,
  });
  await expect(result(page).getByLabel('Log tail')).toContainText('REPORT RequestId');
});

test('environment variables stay masked until revealed one by one', async ({ page, open }) => {
  await open('/functions/order-lookup?tab=configuration');
  const value = page.getByTestId('env-SECRET_ID');
  await expect(value).toHaveText('••••••••');
  await page.getByRole('button', { name: 'Reveal SECRET_ID' }).click();
  await expect(value).toHaveText('prod/database/postgres');
});

test.describe('as a viewer', () => {
  test.use({ role: 'viewer' });

  test('invoke is disabled and names the denied action', async ({ page, open, axe }) => {
    await open('/functions/echo');
    const invoke = page.getByRole('button', { name: 'Invoke' });
    await expect(invoke).toHaveAccessibleDescription('Your role does not allow lambda:InvokeFunction');
    await expect(invoke).toHaveAttribute('aria-disabled', 'true');
    await axe('function as viewer');
  });
});
