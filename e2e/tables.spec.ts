import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  ListTablesCommand,
  ScanCommand,
  UpdateItemCommand,
  type AttributeValue,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import { test, expect, type Page } from './fixtures.js';
import { e2eEnv } from './support/env.js';
import { signInThroughLoginPage } from './support/sign-in.js';
import { USERS } from './support/users.js';

// ---------- helpers ----------

type Item = Record<string, AttributeValue>;
type Keys = { accessKeyId: string; secretAccessKey: string };

const clientFor = (endpoint: string, credentials: Keys, region = 'us-east-1') =>
  new DynamoDBClient({ endpoint, region, credentials });
const shared = (region = 'us-east-1') => {
  const env = e2eEnv();
  return clientFor(env.emulatorUrl, { accessKeyId: env.accessKeyId, secretAccessKey: env.secretAccessKey }, region);
};
const uniqueName = (prefix = 'e2e') => `${prefix}-${randomUUID().slice(0, 8)}`;

/** A table (pk S, sk N unless given) that is ACTIVE, filled with `items`. */
async function makeTable(
  ddb: DynamoDBClient,
  items: Item[] = [],
  extra: Partial<CreateTableCommandInput> = {},
): Promise<string> {
  const TableName = uniqueName();
  await ddb.send(
    new CreateTableCommand({
      TableName,
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'N' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      ...extra,
    }),
  );
  await expect
    .poll(async () => (await ddb.send(new DescribeTableCommand({ TableName }))).Table?.TableStatus, { timeout: 10_000 })
    .toBe('ACTIVE');
  for (let i = 0; i < items.length; i += 25) {
    await ddb.send(
      new BatchWriteItemCommand({
        RequestItems: { [TableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  }
  return TableName;
}

async function scanAll(ddb: DynamoDBClient, TableName: string): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const out = await ddb.send(new ScanCommand({ TableName, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

const itemsGrid = (page: Page) => page.getByRole('grid', { name: 'Items' });
/** The keys of the rows on screen, in order ("c1 3"), from the pinned key cell's button. */
const shownKeys = (page: Page) =>
  itemsGrid(page)
    .getByRole('button', { name: /^Open item / })
    .evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') ?? '').replace(/^Open item /, '')));
const builder = (page: Page) => page.getByRole('form', { name: 'Query builder' });
const editor = (page: Page) => page.getByRole('dialog', { name: /^Item in / });

type DocHolder = { view: { state: { doc: { toString(): string } } } };
/**
 * The CodeMirror document as text. Its DOM holds only the lines in view, so ask the view itself, through
 * the node CodeMirror 6 hangs its content tile on (cmTile since 6.3x, cmView before).
 */
async function editorText(page: Page): Promise<string> {
  return editor(page)
    .locator('.cm-content')
    .evaluate((el) => {
      const node = el as unknown as { cmTile?: DocHolder; cmView?: DocHolder };
      return (node.cmTile ?? node.cmView)!.view.state.doc.toString();
    });
}

/** Replace the editor's whole document, as a paste would. */
async function setEditorText(page: Page, text: string): Promise<void> {
  await editor(page).locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(text);
}

async function openItem(page: Page, key: string): Promise<void> {
  await itemsGrid(page)
    .getByRole('button', { name: `Open item ${key}` })
    .click();
  await expect(editor(page)).toBeVisible();
  await expect(editor(page).locator('.cm-content')).toBeVisible();
}

// ---------- tables ----------

test.describe('tables', () => {
  test('a table created in eu-west-1 with the dialog is listed there and not in us-east-1', async ({
    page,
    open,
    axe,
  }) => {
    const name = uniqueName('e2e-west');
    await open('/tables?region=eu-west-1');
    await expect(page.getByRole('heading', { level: 1, name: /Tables/ })).toBeVisible();
    await page.getByRole('button', { name: 'Create table' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Create table' });
    // The name rules are checked as you type.
    await dialog.getByLabel('Table name').fill('ab');
    await expect(dialog.getByText('Table name must be at least 3 characters')).toBeVisible();
    await dialog.getByLabel('Table name').fill('bad name!');
    await expect(dialog.getByText('may only use letters, digits, _ . and - (not " ")')).toBeVisible();
    await dialog.getByLabel('Table name').fill(name);
    await dialog.getByRole('checkbox', { name: 'Add a global secondary index' }).check();
    await dialog.getByLabel('Index name').fill('byStatus');
    await dialog.getByLabel('Index partition key', { exact: true }).fill('status');
    await axe('create table dialog');
    await dialog.getByRole('button', { name: 'Create table' }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

    const west = shared('eu-west-1');
    const east = shared('us-east-1');
    expect((await west.send(new ListTablesCommand({}))).TableNames).toContain(name);
    expect((await east.send(new ListTablesCommand({}))).TableNames).not.toContain(name);
    const described = await west.send(new DescribeTableCommand({ TableName: name }));
    expect(described.Table?.TableArn).toContain(':eu-west-1:');
    expect(described.Table?.GlobalSecondaryIndexes?.[0]?.IndexName).toBe('byStatus');

    // The list in eu-west-1 shows it with its keys; the list in us-east-1 does not.
    await open('/tables?region=eu-west-1');
    const grid = page.getByRole('grid', { name: 'Tables' });
    const row = grid.getByRole('row').filter({ hasText: name });
    await expect(row).toContainText('pk (S), sk (S)');
    await expect(row).toContainText('1 GSI · 0 LSI');
    await axe('tables list');
    await open('/tables?region=us-east-1');
    await expect(page.getByRole('grid', { name: 'Tables' }).getByRole('row').nth(1)).toBeVisible();
    await expect(page.getByRole('grid', { name: 'Tables' }).getByText(name)).toHaveCount(0);
  });
});

// ---------- queries ----------

test.describe('explorer', () => {
  test('a sort key condition returns exactly the expected items, on the table and on a GSI', async ({
    page,
    open,
    axe,
  }) => {
    const ddb = shared();
    const items: Item[] = [];
    for (const pk of ['c1', 'c2'])
      for (let sk = 1; sk <= 10; sk++)
        items.push({ pk: { S: pk }, sk: { N: String(sk) }, status: { S: sk % 2 ? 'open' : 'closed' } });
    const table = await makeTable(ddb, items, {
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'N' },
        { AttributeName: 'status', AttributeType: 'S' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byStatus',
          KeySchema: [
            { AttributeName: 'status', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    });
    await open(`/tables/${table}`);
    const form = builder(page);
    await form.getByText('Query', { exact: true }).click();
    await form.getByLabel('pk (partition key, string)').fill('c1');
    await form.getByLabel('sk condition').selectOption('between');
    await form.getByLabel('sk (sort key, number)').fill('3');
    await form.getByLabel('and sk (upper bound)').fill('6');
    await expect(form.getByText(`Query on table ${table}`, { exact: true })).toBeVisible();
    await form.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => shownKeys(page)).toEqual(['c1 3', 'c1 4', 'c1 5', 'c1 6']);
    await expect(page).toHaveURL(/skop=between/);
    await axe('table explorer');

    // The same page on the GSI: open items with sk > 5.
    await form.getByLabel('Table or index').selectOption('byStatus');
    await form.getByLabel('status (partition key, string)').fill('open');
    await form.getByLabel('sk condition').selectOption('>');
    await form.getByLabel('sk (sort key, number)').fill('5');
    await expect(form.getByText(`Query on index byStatus of table ${table}`, { exact: true })).toBeVisible();
    await form.getByRole('button', { name: 'Run' }).click();
    await expect.poll(async () => (await shownKeys(page)).sort()).toEqual(['c1 7', 'c1 9', 'c2 7', 'c2 9']);

    // A filter on a number with a non-number value is refused beside the filter, before any request.
    await form.getByRole('button', { name: 'Add filter' }).click();
    await form.getByLabel('Filter 1 attribute').fill('sk');
    await form.getByLabel('Filter 1 type').selectOption('N');
    await form.getByLabel('Filter 1 value').fill('seven');
    await form.getByRole('button', { name: 'Run' }).click();
    await expect(form.getByText('"seven" is not a number')).toBeVisible();
  });

  test('a filter that leaves pages sparse still fills the page', async ({ page, open }) => {
    const ddb = shared();
    // 200 items, one in four red: a page of 25 red items needs about 100 read.
    const items = Array.from({ length: 200 }, (_, i): Item => ({
      pk: { S: 'p' },
      sk: { N: String(i) },
      color: { S: i % 4 === 0 ? 'red' : 'blue' },
    }));
    const table = await makeTable(ddb, items);
    const filter = encodeURIComponent(JSON.stringify([['color', '=', 'S', 'red']]));
    const responses: number[] = [];
    page.on('response', (r) => {
      if (r.request().headers()['x-amz-target'] === 'DynamoDB_20120810.Query') responses.push(r.status());
    });
    await open(`/tables/${table}?mode=query&pk=p&f=${filter}&size=25`);
    const status = page.getByRole('status').filter({ hasText: 'scanned' });
    await expect(status).toHaveText(/Query on the table: \d+ scanned, 25\+ matched/);
    const scanned = Number(/(\d+) scanned/.exec((await status.textContent()) ?? '')?.[1]);
    expect(scanned).toBeGreaterThanOrEqual(97);
    expect(responses.length).toBeGreaterThan(1);
    expect(responses.every((s) => s === 200)).toBe(true);
    expect((await shownKeys(page)).slice(0, 3)).toEqual(['p 0', 'p 4', 'p 8']);
  });
});

// ---------- items ----------

const N38 = '12345678901234567890123456789012345678';
const everyType = (pk: string): Item => ({
  pk: { S: pk },
  sk: { N: '1' },
  ss: { SS: ['alpha', 'beta'] },
  ns: { NS: ['1', N38, '-0.5'] },
  bs: { BS: [new Uint8Array([1, 2, 3]), new Uint8Array([255])] },
  big: { N: N38 },
  bin: { B: new Uint8Array([0, 1, 254, 255]) },
  nested: { M: { level1: { M: { level2: { L: [{ N: '9007199254740993' }, { SS: ['x'] }, { NULL: true }] } } } } },
  nothing: { NULL: true },
  note: { S: 'before' },
});

test.describe('item editor', () => {
  test('an item with every type is edited and saved; the SDK reads every type unchanged', async ({
    page,
    open,
    axe,
  }) => {
    const ddb = shared();
    const table = await makeTable(ddb, [everyType('t1')]);
    await open(`/tables/${table}`);
    await openItem(page, 't1 1');
    const plain = await editorText(page);
    expect(plain).toContain(`"big": ${N38}`);
    expect(plain).toContain('"$SS": [');
    // Through DynamoDB JSON and back: the text comes back the same.
    await editor(page).getByText('DynamoDB JSON', { exact: true }).click();
    await expect.poll(() => editorText(page)).toContain(`"N": "${N38}"`);
    await axe('item editor');
    await editor(page).getByText('Plain JSON', { exact: true }).click();
    await expect.poll(() => editorText(page)).toBe(plain);

    await setEditorText(page, plain.replace('"note": "before"', '"note": "after"'));
    const put = page.waitForResponse((r) => r.request().headers()['x-amz-target'] === 'DynamoDB_20120810.PutItem');
    await editor(page).getByRole('button', { name: 'Save', exact: true }).click();
    expect((await put).status()).toBe(200);
    await expect(editor(page)).toHaveCount(0);

    const got = await ddb.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 't1' }, sk: { N: '1' } } }));
    expect(got.Item).toEqual({ ...everyType('t1'), note: { S: 'after' } });
  });

  test('a change made with the SDK between load and save is detected; nothing is overwritten without consent', async ({
    page,
    open,
    axe,
  }) => {
    const ddb = shared();
    const table = await makeTable(ddb, [{ pk: { S: 'k' }, sk: { N: '1' }, count: { N: '1' }, owner: { S: 'ann' } }]);
    await open(`/tables/${table}`);
    await openItem(page, 'k 1');
    const text = await editorText(page);
    // Someone else changes the item after it was loaded.
    await ddb.send(
      new UpdateItemCommand({
        TableName: table,
        Key: { pk: { S: 'k' }, sk: { N: '1' } },
        UpdateExpression: 'SET #o = :o',
        ExpressionAttributeNames: { '#o': 'owner' },
        ExpressionAttributeValues: { ':o': { S: 'bob' } },
      }),
    );
    await setEditorText(page, text.replace('"count": 1', '"count": 2'));
    await editor(page).getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = editor(page)
      .getByRole('alert')
      .filter({ hasText: 'Someone changed this item after you loaded it' });
    await expect(conflict).toContainText('Nothing was saved');
    await expect(conflict.getByRole('row', { name: /owner/ })).toContainText('changed by someone else');
    await expect(conflict.getByRole('row', { name: /count/ })).toContainText('changed by you');
    await axe('save conflict');
    let now = await ddb.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'k' }, sk: { N: '1' } } }));
    expect(now.Item).toMatchObject({ count: { N: '1' }, owner: { S: 'bob' } });

    // Overwriting takes a second, explicit confirmation.
    await conflict.getByRole('button', { name: 'Overwrite with mine…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Overwrite their changes with yours?' });
    await confirm.getByRole('button', { name: 'Overwrite' }).click();
    await expect(editor(page)).toHaveCount(0);
    now = await ddb.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'k' }, sk: { N: '1' } } }));
    expect(now.Item).toMatchObject({ count: { N: '2' }, owner: { S: 'ann' } });
  });

  test.describe('as a viewer', () => {
    test.use({ role: 'viewer' });
    test('a viewer cannot save and sees dynamodb:PutItem named', async ({ page, open }) => {
      const ddb = shared();
      const table = await makeTable(ddb, [{ pk: { S: 'v' }, sk: { N: '1' }, note: { S: 'x' } }]);
      await open(`/tables/${table}`);
      await openItem(page, 'v 1');
      await setEditorText(page, (await editorText(page)).replace('"x"', '"y"'));
      await editor(page).getByRole('button', { name: 'Save', exact: true }).click();
      await expect(editor(page).getByRole('alert')).toContainText(
        /your role does not allow dynamodb:PutItem on arn:aws:dynamodb:us-east-1:\d+:table\//,
      );
      // The text stays as typed, and Save now says why it is unavailable.
      expect(await editorText(page)).toContain('"y"');
      await expect(editor(page).getByRole('button', { name: 'Save', exact: true })).toHaveAttribute(
        'aria-disabled',
        'true',
      );
      const got = await ddb.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'v' }, sk: { N: '1' } } }));
      expect(got.Item?.note).toEqual({ S: 'x' });
    });
  });
});

// ---------- bulk ----------

test.describe('bulk', () => {
  test('deletes 60 selected items', async ({ page, open }) => {
    const ddb = shared();
    const table = await makeTable(
      ddb,
      Array.from({ length: 60 }, (_, i) => ({ pk: { S: 'b' }, sk: { N: String(i) } })),
    );
    await open(`/tables/${table}?size=100`);
    await expect(page.getByRole('status').filter({ hasText: 'scanned' })).toContainText('60 matched');
    await itemsGrid(page).getByRole('checkbox', { name: 'Select all loaded rows' }).check();
    await page.getByRole('button', { name: 'Delete 60 items' }).click();
    await page
      .getByRole('dialog', { name: 'Delete 60 items?' })
      .getByRole('button', { name: 'Delete 60 items' })
      .click();
    await expect.poll(async () => (await scanAll(ddb, table)).length, { timeout: 15_000 }).toBe(0);
    await expect(page.getByText(`No items in ${table}`)).toBeVisible();
  });

  test('exports items as DynamoDB JSON and imports them into another table exactly, rejecting bad items', async ({
    page,
    open,
  }) => {
    const ddb = shared();
    const source = [everyType('e1'), { pk: { S: 'e2' }, sk: { N: '2' }, n: { N: '0.000000000000000000000000000001' } }];
    const from = await makeTable(ddb, source);
    const to = await makeTable(ddb);
    await open(`/tables/${from}`);
    await expect(page.getByRole('status').filter({ hasText: 'scanned' })).toContainText('2 matched');
    await page.getByRole('button', { name: 'Actions' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Export loaded items as JSON' }).click();
    const download = await downloading;
    const dir = mkdtempSync(join(tmpdir(), 'tables-e2e-'));
    const file = join(dir, `${from}.json`);
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as unknown[];
    expect(exported).toHaveLength(2);
    // One more item without its sort key, which the import must reject and name.
    const withReject = readFileSync(file, 'utf8').replace(/\]\s*$/, ',\n  {"pk": {"S": "bad"}}\n]\n');
    writeFileSync(file, withReject);

    await open(`/tables/${to}`);
    await page.getByLabel('Import file').setInputFiles(file);
    const confirm = page.getByRole('dialog', { name: `Import 2 items into ${to}?` });
    await expect(confirm.getByRole('list', { name: 'Rejected items' })).toContainText(
      'Item 3: The key attribute sk is missing',
    );
    await confirm.getByRole('button', { name: 'Import 2 items' }).click();
    await expect.poll(async () => (await scanAll(ddb, to)).length).toBe(2);
    const imported = await scanAll(ddb, to);
    const byPk = (items: Item[]) => Object.fromEntries(items.map((i) => [i.pk?.S, i]));
    expect(byPk(imported)).toEqual(byPk(source));
  });
});

// ---------- faults (own emulator: faults are global) ----------

test.describe('faults', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  async function ownTable(ownEmulator: { url: string; credentials: Keys }, items: Item[]) {
    const ddb = clientFor(ownEmulator.url, ownEmulator.credentials);
    return { ddb, table: await makeTable(ddb, items) };
  }

  test('a throttled Query is retried and the page recovers', async ({ page, ownEmulator }) => {
    const { table } = await ownTable(ownEmulator, [
      { pk: { S: 'q' }, sk: { N: '1' } },
      { pk: { S: 'q' }, sk: { N: '2' } },
    ]);
    await ownEmulator.admin('faults', {
      service: 'dynamodb',
      operation: 'Query',
      count: 1,
      error: { code: 'ProvisionedThroughputExceededException', message: 'Rate exceeded' },
    });
    const throttled = page.waitForResponse(
      (r) => r.request().headers()['x-amz-target'] === 'DynamoDB_20120810.Query' && r.status() === 400,
    );
    await page.goto(`/tables/${table}?mode=query&pk=q`);
    await signInThroughLoginPage(page, USERS.admin);
    await throttled;
    await expect.poll(() => shownKeys(page)).toEqual(['q 1', 'q 2']);
    await expect(itemsGrid(page).getByRole('alert')).toHaveCount(0);
  });

  test('a 500 on a save leaves the item as it was and the editor open with its changes', async ({
    page,
    ownEmulator,
  }) => {
    const { ddb, table } = await ownTable(ownEmulator, [{ pk: { S: 's' }, sk: { N: '1' }, note: { S: 'kept' } }]);
    await page.goto(`/tables/${table}`);
    await signInThroughLoginPage(page, USERS.admin);
    await openItem(page, 's 1');
    const edited = (await editorText(page)).replace('"kept"', '"mine"');
    await setEditorText(page, edited);
    await ownEmulator.admin('faults', {
      service: 'dynamodb',
      operation: 'PutItem',
      count: 1,
      error: { code: 'InternalServerError', status: 500 },
    });
    await editor(page).getByRole('button', { name: 'Save', exact: true }).click();
    await expect(editor(page).getByRole('alert')).toContainText('Could not save the item');
    expect(await editorText(page)).toBe(edited);
    const got = await ddb.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 's' }, sk: { N: '1' } } }));
    expect(got.Item?.note).toEqual({ S: 'kept' });
    // The fault was one call: saving again works.
    await editor(page).getByRole('button', { name: 'Save', exact: true }).click();
    await expect(editor(page)).toHaveCount(0);
    await expect
      .poll(
        async () =>
          (await ddb.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 's' }, sk: { N: '1' } } }))).Item
            ?.note,
      )
      .toEqual({ S: 'mine' });
  });
});
