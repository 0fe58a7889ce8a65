import { mkdtempSync, mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutBucketCorsCommand,
  PutObjectCommand,
  S3Client,
  CreateMultipartUploadCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { test, expect, type Page } from './fixtures.js';
import { e2eEnv } from './support/env.js';
import { signInThroughLoginPage } from './support/sign-in.js';
import { USERS } from './support/users.js';

// ---------- helpers ----------

function s3For(url: string, credentials: { accessKeyId: string; secretAccessKey: string }): S3Client {
  return new S3Client({ endpoint: url, region: 'us-east-1', credentials, forcePathStyle: true });
}
const sharedS3 = () => {
  const env = e2eEnv();
  return s3For(env.emulatorUrl, { accessKeyId: env.accessKeyId, secretAccessKey: env.secretAccessKey });
};

/** A fresh bucket (unique per test: the shared emulator is shared by parallel workers) holding `keys`. */
async function makeBucket(s3: S3Client, keys: Record<string, string> = {}, prefix = 'e2e'): Promise<string> {
  const name = `${prefix}-${randomUUID().slice(0, 8)}`;
  await s3.send(new CreateBucketCommand({ Bucket: name }));
  await Promise.all(
    Object.entries(keys).map(([Key, Body]) => s3.send(new PutObjectCommand({ Bucket: name, Key, Body }))),
  );
  return name;
}

async function keysOf(s3: S3Client, bucket: string, prefix = ''): Promise<string[]> {
  const out = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (out.Contents ?? []).map((o) => o.Key ?? '');
}

async function bodyOf(s3: S3Client, bucket: string, key: string): Promise<string> {
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return out.Body!.transformToString();
}

const objectsTable = (page: Page) => page.getByRole('grid', { name: 'Objects' });
const row = (page: Page, name: string) => objectsTable(page).getByRole('row').filter({ hasText: name });

/** Dispatch a drop of files built in the page, as a user's drag of files onto the listing delivers. */
async function dropFiles(
  page: Page,
  files: Array<{ name: string; text?: string; mib?: number; type?: string }>,
): Promise<void> {
  const dataTransfer = await page.evaluateHandle((specs) => {
    const dt = new DataTransfer();
    for (const f of specs) {
      let parts: BlobPart[];
      if (f.mib) {
        // Deterministic bytes (i % 251), so the test can check what arrived.
        const bytes = new Uint8Array(f.mib * 1024 * 1024);
        for (let i = 0; i < bytes.length; i++) bytes[i] = i % 251;
        parts = [bytes];
      } else parts = [f.text ?? ''];
      dt.items.add(new File(parts, f.name, { type: f.type ?? 'text/plain' }));
    }
    return dt;
  }, files);
  await page.locator('[data-drop-zone]').dispatchEvent('drop', { dataTransfer });
}

function patternMd5(mib: number): string {
  const bytes = Buffer.alloc(mib * 1024 * 1024);
  for (let i = 0; i < bytes.length; i++) bytes[i] = i % 251;
  return createHash('md5').update(bytes).digest('hex');
}

const md5 = (b: Uint8Array) => createHash('md5').update(b).digest('hex');

// ---------- buckets ----------

test.describe('buckets list', () => {
  test('lists buckets with their regions; create checks the naming rules as you type', async ({ page, open, axe }) => {
    const s3 = sharedS3();
    const name = `e2e-new-${randomUUID().slice(0, 8)}`;
    await open('/buckets');
    const table = page.getByRole('grid', { name: 'Buckets' });
    await expect(table.getByRole('link', { name: 'demo-assets' })).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: 'demo-assets' })).toContainText('us-east-1');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/Buckets\s*\(\d+\)/);
    await axe('buckets list');

    await page.getByRole('button', { name: 'Create bucket' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Create bucket' });
    const field = dialog.getByLabel('Bucket name');
    await field.fill('My_Bucket');
    await expect(dialog.getByText('Use lower-case letters only ("M" is upper-case).')).toBeVisible();
    await field.fill('my..bucket');
    await expect(dialog.getByText('A bucket name has no two dots in a row.')).toBeVisible();
    await field.fill(name);
    await expect(dialog.getByText(/no two dots/)).toHaveCount(0);
    await axe('create bucket dialog');
    await dialog.getByRole('button', { name: 'Create bucket' }).click();
    await expect(dialog).toBeHidden();
    await expect(table.getByRole('link', { name })).toBeVisible();
    await s3
      .send(new HeadObjectCommand({ Bucket: name, Key: 'x' }))
      .catch((e: { name: string }) => expect(e.name).toBe('NotFound'));
  });

  test('deletes an empty bucket after typing its name, and explains BucketNotEmpty', async ({ page, open }) => {
    const s3 = sharedS3();
    const full = await makeBucket(s3, { 'keep.txt': 'x' }, 'e2e-full');
    const empty = await makeBucket(s3, {}, 'e2e-empty');
    await open(`/buckets?search=${full}`);
    const table = page.getByRole('grid', { name: 'Buckets' });
    await table.getByRole('checkbox', { name: `Select ${full}` }).check();
    await page.getByRole('button', { name: 'Actions' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/Type .* to confirm/).fill(full);
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(dialog.getByRole('alert')).toContainText(
      `${full} still holds objects, and S3 deletes only empty buckets`,
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('searchbox', { name: 'Find buckets by name prefix' }).fill(empty);
    await table.getByRole('checkbox', { name: `Select ${empty}` }).check();
    await page.getByRole('button', { name: 'Actions' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await dialog.getByLabel(/Type .* to confirm/).fill(empty);
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(dialog).toBeHidden();
    await expect(table.getByRole('link', { name: empty })).toHaveCount(0);
  });

  test('when ListBuckets cannot be read (no CORS on AWS), shows the configured buckets and opens one by name', async ({
    page,
    open,
  }) => {
    await page.route('**/config.json', async (route) => {
      const res = await route.fetch();
      const json = (await res.json()) as Record<string, unknown>;
      await route.fulfill({ json: { ...json, buckets: ['demo-logs'] } });
    });
    // What a browser sees when S3 answers without CORS headers: the fetch fails.
    await page.route(/\?x-id=ListBuckets/, (route) => route.abort('failed'));
    await open('/buckets');
    const panel = page.getByRole('region', { name: 'Open bucket by name' });
    await expect(panel).toContainText('S3 answers ListBuckets without CORS headers');
    const table = page.getByRole('grid', { name: 'Buckets' });
    await expect(table.getByRole('link', { name: 'demo-logs' })).toBeVisible();
    // The region comes from GetBucketLocation for rows on screen.
    await expect(table.getByRole('row').filter({ hasText: 'demo-logs' })).toContainText('us-east-1');
    await panel.getByLabel('Bucket name').fill('Demo');
    await expect(panel.getByText(/lower-case letters only/)).toBeVisible();
    await panel.getByLabel('Bucket name').fill('demo-assets');
    await panel.getByRole('button', { name: 'Open bucket' }).click();
    await expect(page).toHaveURL(/\/buckets\/demo-assets/);
    await expect(objectsTable(page).getByRole('link', { name: 'images/' })).toBeVisible();
  });
});

// ---------- browsing ----------

test('browses folders with breadcrumbs, opens details with a pretty JSON preview', async ({ page, open, axe }) => {
  await open('/buckets/demo-assets');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('demo-assets');
  await objectsTable(page).getByRole('link', { name: 'data/' }).click();
  await objectsTable(page).getByRole('link', { name: 'customers/' }).click();
  await objectsTable(page).getByRole('link', { name: 'eu-west/' }).click();
  await objectsTable(page).getByRole('link', { name: '2024/' }).click();
  await expect(page).toHaveURL(/prefix=data%2Fcustomers%2Feu-west%2F2024%2F/);
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(crumbs).toContainText(/Buckets.*demo-assets.*data\/.*customers\/.*eu-west\/.*2024\//);
  await row(page, 'customer-0001.json').getByRole('button', { name: 'customer-0001.json' }).click();
  const details = page.getByRole('region', { name: 'Details of customer-0001.json' });
  await expect(details).toContainText('application/json');
  await expect(details).toContainText('STANDARD');
  await expect(details).toContainText('SSE-S3 (AES256)');
  await expect(details.getByLabel('Preview')).toContainText('"region": "eu-west"');
  await axe('object details');
  // The panel took focus from the name; Esc closes it and gives focus back to the name.
  await expect(details.getByRole('heading', { name: 'customer-0001.json' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
  await expect(row(page, 'customer-0001.json').getByRole('button', { name: 'customer-0001.json' })).toBeFocused();
  await crumbs.getByRole('link', { name: 'customers/' }).click();
  await expect(objectsTable(page).getByRole('link', { name: 'ap-south/' })).toBeVisible();
});

test('a bucket that does not exist shows only the error, with nothing to upload or act on', async ({ page, open }) => {
  await open('/buckets/no-such-bucket-e2e');
  await expect(page.getByText(/does not exist/).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Upload' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Actions' })).toHaveCount(0);
  await expect(page.getByLabel('Encrypt uploads with SSE-S3 (AES256)')).toHaveCount(0);
});

test('search by key prefix is done by S3 (the request carries prefix=)', async ({ page, open }) => {
  await open('/buckets/demo-assets?prefix=docs%2Fnotes%2F');
  await expect(row(page, 'note-01.txt')).toBeVisible();
  const listed = page.waitForRequest(
    (r) => r.url().includes('list-type=2') && r.url().includes('prefix=docs%2Fnotes%2Fnote-2'),
  );
  await page.getByRole('searchbox', { name: 'Find objects by key prefix' }).fill('note-2');
  await listed;
  await expect(row(page, 'note-20.txt')).toBeVisible();
  await expect(row(page, 'note-01.txt')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: /^Objects/ })).toHaveText(/Objects\s*\(10\)/);
});

test('pages past 1,000 keys as the user scrolls: "1,000+" then the rest', async ({ page, open }) => {
  const s3 = sharedS3();
  const bucket = await makeBucket(s3);
  const keys = Array.from({ length: 1100 }, (_, i) => `k/${String(i).padStart(5, '0')}.txt`);
  for (let i = 0; i < keys.length; i += 50)
    await Promise.all(
      keys.slice(i, i + 50).map((Key) => s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'x' }))),
    );
  await open(`/buckets/${bucket}?prefix=k%2F`);
  const counter = page.getByRole('heading', { level: 2, name: /^Objects/ });
  await expect(counter).toHaveText(/Objects\s*\(1,000\+\)/);
  const next = page.waitForRequest((r) => r.url().includes('continuation-token='));
  await objectsTable(page).focus();
  await page.keyboard.press('End');
  await next;
  await expect(counter).toHaveText(/Objects\s*\(1,100\)/);
  await page.keyboard.press('End');
  await expect(row(page, '01099.txt')).toBeVisible();
  // A bounded number of rows in the DOM, whatever was loaded.
  expect(await objectsTable(page).getByRole('row').count()).toBeLessThan(120);
});

// ---------- upload ----------

test('files dropped on the listing upload with progress and land under the folder', async ({ page, open, axe }) => {
  const s3 = sharedS3();
  const bucket = await makeBucket(s3, { 'in/keep.txt': 'k' });
  await open(`/buckets/${bucket}?prefix=in%2F`);
  await expect(row(page, 'keep.txt')).toBeVisible();
  await dropFiles(page, [
    { name: 'a.txt', text: 'alpha' },
    { name: 'b.json', text: '{"b":2}', type: 'application/json' },
  ]);
  const tray = page.getByRole('region', { name: 'Tasks' });
  await expect(tray).toContainText(/Upload #\d+: 2 files to s3:\/\/.*\/in\//);
  await expect(row(page, 'a.txt')).toBeVisible();
  await expect(row(page, 'b.json')).toBeVisible();
  await expect(tray).toContainText('2 of 2 done');
  expect(await bodyOf(s3, bucket, 'in/a.txt')).toBe('alpha');
  expect((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'in/b.json' }))).ContentType).toBe(
    'application/json',
  );
  await axe('listing after upload with the task tray');
});

test('a folder tree picked through the folder picker keeps its relative paths', async ({ page, open }) => {
  const s3 = sharedS3();
  const bucket = await makeBucket(s3);
  const dir = mkdtempSync(join(tmpdir(), 'e2e-tree-'));
  const root = join(dir, 'photos');
  mkdirSync(join(root, '2024', 'june'), { recursive: true });
  writeFileSync(join(root, 'top.txt'), 'top');
  writeFileSync(join(root, '2024', 'a.txt'), 'a');
  writeFileSync(join(root, '2024', 'june', 'b.txt'), 'b');
  // An empty file (a folder's placeholder) is a range of no bytes: it must still arrive, empty.
  writeFileSync(join(root, '2024', 'june', '.keep'), '');
  try {
    await open(`/buckets/${bucket}`);
    await expect(page.getByText(`No objects in ${bucket}`)).toBeVisible();
    await page.getByLabel('Choose a folder to upload').setInputFiles(root);
    await expect(objectsTable(page).getByRole('link', { name: 'photos/' })).toBeVisible();
    await expect
      .poll(() => keysOf(s3, bucket))
      .toEqual(['photos/2024/a.txt', 'photos/2024/june/.keep', 'photos/2024/june/b.txt', 'photos/top.txt']);
    expect(
      (await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'photos/2024/june/.keep' }))).ContentLength,
    ).toBe(0);
    expect(await bodyOf(s3, bucket, 'photos/2024/june/b.txt')).toBe('b');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('overwriting an existing key asks first, naming it', async ({ page, open }) => {
  const s3 = sharedS3();
  const bucket = await makeBucket(s3, { 'same.txt': 'old' });
  await open(`/buckets/${bucket}`);
  await expect(row(page, 'same.txt')).toBeVisible();
  await dropFiles(page, [
    { name: 'same.txt', text: 'new' },
    { name: 'other.txt', text: 'o' },
  ]);
  const dialog = page.getByRole('dialog', { name: 'Replace 1 existing object?' });
  await expect(dialog).toContainText('same.txt');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await keysOf(s3, bucket)).toEqual(['same.txt']);

  await dropFiles(page, [{ name: 'same.txt', text: 'new' }]);
  await page
    .getByRole('dialog', { name: 'Replace 1 existing object?' })
    .getByRole('button', { name: 'Replace and upload' })
    .click();
  await expect.poll(() => bodyOf(s3, bucket, 'same.txt')).toBe('new');
});

// ---------- download ----------

test('Download fetches a presigned GET that returns the same bytes, as an attachment', async ({ page, open }) => {
  const s3 = sharedS3();
  const bucket = await makeBucket(s3);
  const data = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 256));
  await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'files/report 1.bin', Body: data }));
  await open(`/buckets/${bucket}?prefix=files%2F&object=files%2Freport%201.bin`);
  const details = page.getByRole('region', { name: 'Details of report 1.bin' });
  await expect(details).toContainText('4.9 KiB');
  const download = page.waitForEvent('download');
  await details.getByRole('button', { name: 'Download' }).click();
  const file = await (await download).path();
  expect(md5(readFileSync(file))).toBe(md5(data));
  expect((await download).suggestedFilename()).toBe('report 1.bin');
});

test('Copy link shows the real expiry: no later than the session credentials', async ({ page, open }) => {
  const s3 = sharedS3();
  const bucket = await makeBucket(s3, { 'x.txt': 'x' });
  await open(`/buckets/${bucket}?object=x.txt`);
  await page.getByRole('region', { name: 'Details of x.txt' }).getByRole('button', { name: 'Copy link' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share link to x.txt' });
  // The default hour, with hour-long credentials fetched at sign-in, is not "sooner than the 1 hour you chose".
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await expect(dialog.getByTestId('link-expiry')).toContainText(/in (59|60) min/);
  await expect(dialog).not.toContainText('Sooner than');
  await dialog.getByLabel('Expires after').selectOption({ label: '7 days (the most S3 allows)' });
  await dialog.getByRole('button', { name: 'Create link' }).click();
  await expect(dialog.getByTestId('link-expiry')).toContainText(/in \d+ min/);
  await expect(dialog).toContainText('a link dies with the session credentials that signed it');
  const url = await dialog.locator('code').innerText();
  expect(await (await fetch(url)).text()).toBe('x');
});

// ---------- delete ----------

test('deletes a folder recursively after a typed confirm that states the count', async ({ page, open }) => {
  const s3 = sharedS3();
  const bucket = await makeBucket(s3, {
    'logs/a.txt': 'a',
    'logs/2024/b.txt': 'b',
    'logs/2024/c/d.txt': 'd',
    'keep.txt': 'k',
  });
  await open(`/buckets/${bucket}`);
  // A file picked beside the folder is named in the count, not hidden in "everything under logs/".
  await objectsTable(page).getByRole('checkbox', { name: 'Select logs/' }).check();
  await objectsTable(page).getByRole('checkbox', { name: 'Select keep.txt' }).check();
  await page.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: 'Delete 2 selected' }).click();
  const both = page.getByRole('dialog', { name: 'Delete 4 objects?' });
  await expect(both).toContainText('Everything under logs/ is deleted, with 1 selected object: 4 objects in all');
  await both.getByRole('button', { name: 'Cancel' }).click();
  await objectsTable(page).getByRole('checkbox', { name: 'Select keep.txt' }).uncheck();
  await page.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: 'Delete 1 selected' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete 3 objects?' });
  await expect(dialog).toContainText('Everything under logs/ is deleted: 3 objects');
  await dialog.getByLabel(/Type permanently delete to confirm/).fill('permanently delete');
  await dialog.getByRole('button', { name: 'Delete 3 objects' }).click();
  await expect(objectsTable(page).getByRole('link', { name: 'logs/' })).toHaveCount(0);
  expect(await keysOf(s3, bucket)).toEqual(['keep.txt']);
  await expect(page.getByRole('region', { name: 'Tasks' })).toContainText('Delete folder logs/');
});

// ---------- permissions ----------

test.describe('as a viewer', () => {
  test.use({ role: 'viewer' });

  test('an upload is refused with the action named, nothing is written, and Upload is then disabled', async ({
    page,
    open,
  }) => {
    const s3 = sharedS3();
    const bucket = await makeBucket(s3, { 'seen.txt': 's' });
    await open(`/buckets/${bucket}`);
    await expect(row(page, 'seen.txt')).toBeVisible();
    await dropFiles(page, [{ name: 'nope.txt', text: 'x' }]);
    await expect(page.getByRole('alert').filter({ hasText: 'Could not upload nope.txt' })).toContainText(
      `your role does not allow s3:PutObject on arn:aws:s3:::${bucket}/nope.txt`,
    );
    expect(await keysOf(s3, bucket)).toEqual(['seen.txt']);
    const upload = page.getByRole('button', { name: 'Upload' });
    await expect(upload).toHaveAttribute('aria-disabled', 'true');
    await expect(upload).toHaveAccessibleDescription(/does not allow s3:PutObject/);
    // An upload link signed by this role could never be used: it is disabled for the same reason.
    await page.getByRole('button', { name: 'Actions' }).click();
    const uploadLink = page.getByRole('menuitem', { name: /Create upload link/ });
    await expect(uploadLink).toHaveAttribute('aria-disabled', 'true');
    await expect(uploadLink).toContainText('does not allow s3:PutObject');
    await uploadLink.click({ force: true });
    await expect(page.getByRole('dialog', { name: 'Create upload link' })).toHaveCount(0);
  });
});

// ---------- upload link ----------

test('an upload link works with curl within its size range, and from a web form on an origin the bucket allows', async ({
  page,
  open,
  axe,
  context,
}) => {
  const s3 = sharedS3();
  const bucket = await makeBucket(s3);
  // A real page server on loopback (a page the browser cannot place on the network may not call loopback
  // addresses at all): the same server is two origins, localhost (allowed by the bucket) and 127.0.0.1 (not).
  let html = '';
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>upload</title>${html}`);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  const allowed = `http://localhost:${port}`;
  await s3.send(
    new PutBucketCorsCommand({
      Bucket: bucket,
      CORSConfiguration: { CORSRules: [{ AllowedOrigins: [allowed], AllowedMethods: ['POST'] }] },
    }),
  );
  await open(`/buckets/${bucket}`);
  await page.getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: 'Create upload link' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create upload link' });
  await dialog.getByLabel('Key prefix').fill('incoming/');
  await dialog.getByLabel('Content type starts with').fill('text/');
  await dialog.getByLabel('Largest file (MiB)').fill('0.001');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const curl = await dialog.getByRole('region', { name: 'curl command' }).innerText();
  await axe('upload link dialog');

  const dir = mkdtempSync(join(tmpdir(), 'e2e-post-'));
  try {
    const run = (file: string) => execFileSync('bash', ['-c', curl.replace('./your-file', file)], { encoding: 'utf8' });
    writeFileSync(join(dir, 'note.txt'), 'sent with curl');
    expect(run(join(dir, 'note.txt')).trim()).toMatch(/204$/);
    expect(await bodyOf(s3, bucket, 'incoming/note.txt')).toBe('sent with curl');
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(2000));
    const refused = run(join(dir, 'big.txt'));
    expect(refused).toContain('<Code>EntityTooLarge</Code>');
    expect(refused.trim()).toMatch(/400$/);
    expect(await keysOf(s3, bucket)).toEqual(['incoming/note.txt']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // The HTML form, served from other origins and posted with fetch(), as a web page would.
  html = await dialog.getByRole('region', { name: 'HTML form' }).innerText();
  const fromOrigin = async (origin: string, name: string) => {
    const other = await context.newPage();
    await other.goto(`${origin}/`);
    const result = await other.evaluate(async (fileName) => {
      const form = document.querySelector('form')!;
      const data = new FormData(form);
      data.set('file', new File(['from a web form'], fileName, { type: 'text/plain' }));
      try {
        return String((await fetch(form.action, { method: 'POST', body: data })).status);
      } catch (e) {
        return `refused: ${(e as Error).message}`;
      }
    }, name);
    await other.close();
    return result;
  };
  try {
    expect(await fromOrigin(allowed, 'web.txt')).toBe('204');
    expect(await bodyOf(s3, bucket, 'incoming/web.txt')).toBe('from a web form');
    expect(await fromOrigin(`http://127.0.0.1:${port}`, 'other.txt')).toMatch(/^refused/);
  } finally {
    server.close();
  }
});

// ---------- unfinished uploads ----------

test('lists unfinished multipart uploads with their parts, and aborts them', async ({ page, open, axe }) => {
  const s3 = sharedS3();
  const bucket = await makeBucket(s3);
  const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'half/done.bin' }));
  await s3.send(
    new UploadPartCommand({ Bucket: bucket, Key: 'half/done.bin', UploadId, PartNumber: 1, Body: Buffer.alloc(1024) }),
  );
  await open(`/buckets/${bucket}/uploads`);
  const table = page.getByRole('grid', { name: 'Unfinished uploads' });
  const upload = table.getByRole('row').filter({ hasText: 'half/done.bin' });
  await expect(upload).toContainText('1 (1.0 KiB)');
  await axe('unfinished uploads');
  await upload.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Abort' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Abort' }).click();
  await expect(page.getByText('No unfinished uploads')).toBeVisible();
  expect((await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? []).toEqual([]);
});

// ---------- fault injection (each test signs in to its own emulator: faults are global) ----------

test.describe('with faults', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  const openOwn = async (page: Page, path: string) => {
    await page.goto(path);
    await signInThroughLoginPage(page, USERS.admin);
  };
  const uploadsOf = async (s3: S3Client, bucket: string) =>
    (await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads?.length ?? 0;

  test('a multipart upload cancelled half-way leaves no multipart upload behind', async ({ page, ownEmulator }) => {
    const s3 = s3For(ownEmulator.url, ownEmulator.credentials);
    const bucket = await makeBucket(s3);
    // Slow parts, so the cancel lands while they are in flight.
    await ownEmulator.admin('faults', { service: 's3', operation: 'UploadPart', count: 100, latencyMs: 1500 });
    await openOwn(page, `/buckets/${bucket}`);
    await expect(page.getByText(`No objects in ${bucket}`)).toBeVisible();
    await dropFiles(page, [{ name: 'big.bin', mib: 20, type: 'application/octet-stream' }]);
    await expect.poll(() => uploadsOf(s3, bucket)).toBe(1);
    const tray = page.getByRole('region', { name: 'Tasks' });
    await tray.getByRole('button', { name: 'Cancel big.bin' }).click();
    await expect(tray).toContainText('Cancelled');
    await expect.poll(() => uploadsOf(s3, bucket)).toBe(0);
    expect(await keysOf(s3, bucket)).toEqual([]);
  });

  test('a 500 on one part of a multipart upload is retried and the object arrives intact', async ({
    page,
    ownEmulator,
  }) => {
    const s3 = s3For(ownEmulator.url, ownEmulator.credentials);
    const bucket = await makeBucket(s3);
    await ownEmulator.admin('faults', {
      service: 's3',
      operation: 'UploadPart',
      count: 1,
      error: { code: 'InternalError', status: 500 },
    });
    await openOwn(page, `/buckets/${bucket}`);
    await expect(page.getByText(`No objects in ${bucket}`)).toBeVisible();
    await dropFiles(page, [{ name: 'big.bin', mib: 20, type: 'application/octet-stream' }]);
    await expect(row(page, 'big.bin')).toContainText('20.0 MiB');
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: 'big.bin' }));
    expect(md5(await out.Body!.transformToByteArray())).toBe(patternMd5(20));
    expect(out.ETag).toMatch(/-3"$/);
    expect(await uploadsOf(s3, bucket)).toBe(0);
  });

  test('a throttled list is retried and the page recovers', async ({ page, ownEmulator }) => {
    const s3 = s3For(ownEmulator.url, ownEmulator.credentials);
    const bucket = await makeBucket(s3, { 'after-retry.txt': 'x' });
    await ownEmulator.admin('faults', {
      service: 's3',
      operation: 'ListObjectsV2',
      count: 1,
      error: { code: 'SlowDown' },
    });
    const refused = page.waitForResponse((r) => r.url().includes('list-type=2') && r.status() === 503);
    await openOwn(page, `/buckets/${bucket}`);
    await refused;
    await expect(page.getByText('Retrying (1)…')).toBeVisible();
    await expect(row(page, 'after-retry.txt')).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a 500 on delete shows the error beside the action and says nothing was deleted', async ({
    page,
    ownEmulator,
  }) => {
    const s3 = s3For(ownEmulator.url, ownEmulator.credentials);
    const bucket = await makeBucket(s3, { 'a.txt': 'a', 'b.txt': 'b' });
    await ownEmulator.admin('faults', {
      service: 's3',
      operation: 'DeleteObjects',
      count: 1,
      error: { code: 'InternalError', status: 500 },
    });
    await openOwn(page, `/buckets/${bucket}`);
    await objectsTable(page).getByRole('checkbox', { name: 'Select all loaded rows' }).check();
    await page.getByRole('button', { name: 'Actions' }).click();
    await page.getByRole('menuitem', { name: 'Delete 2 selected' }).click();
    await page
      .getByRole('dialog', { name: 'Delete 2 objects?' })
      .getByRole('button', { name: 'Delete 2 objects' })
      .click();
    const alert = page.getByRole('alert').filter({ hasText: 'Could not delete 2 objects' });
    await expect(alert).toContainText(
      '0 deleted before it stopped; nothing else was deleted; the rest are still there',
    );
    expect(await keysOf(s3, bucket)).toEqual(['a.txt', 'b.txt']);
  });
});
