import { randomBytes } from 'node:crypto';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DescribeInstancesCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { test, expect, type Page } from './fixtures.js';
import { e2eEnv } from './support/env.js';

const unique = (what: string) => `e2e-${what}-${randomBytes(4).toString('hex')}`;

/** Every credential the page received (the identity pool's answer), so no snippet may contain one. */
function watchCredentials(page: Page): string[] {
  const secrets: string[] = [];
  page.on('response', async (r) => {
    if (!(r.request().headers()['x-amz-target'] ?? '').endsWith('GetCredentialsForIdentity')) return;
    const body = (await r.json().catch(() => ({}))) as { Credentials?: Record<string, string> };
    const c = body.Credentials ?? {};
    for (const k of ['AccessKeyId', 'SecretKey', 'SessionToken']) if (c[k]) secrets.push(c[k]);
  });
  return secrets;
}

/** The code dialog's text in each tab. */
async function codeTabs(page: Page, name: string | RegExp): Promise<Record<'cli' | 'boto3' | 'sdk', string>> {
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  const read = async (tab: string, what: string) => {
    await dialog.getByRole('tab', { name: tab }).click();
    return (await dialog.getByLabel(what, { exact: true }).textContent()) ?? '';
  };
  return {
    cli: await read('AWS CLI', 'AWS CLI command'),
    boto3: await read('boto3', 'boto3 code'),
    sdk: await read('SDK v3', 'SDK v3 code'),
  };
}

/** Every call of the tab as one script per language, from the history panel's "Copy all as a script". */
async function historyScripts(page: Page): Promise<string[]> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Call history' }).click();
  const panel = page.getByRole('dialog', { name: 'Call history' });
  await expect(panel.getByRole('list', { name: 'Calls, newest first' })).toBeVisible();
  const scripts: string[] = [];
  for (const language of ['cli', 'boto3', 'sdk']) {
    await panel.getByRole('combobox', { name: 'Script in' }).selectOption(language);
    await panel.getByRole('button', { name: /^Copy all \d+ calls as one / }).click();
    await expect(panel.getByText('Copied')).toBeVisible();
    scripts.push(await page.evaluate(() => navigator.clipboard.readText()));
  }
  return scripts;
}

test('a stop of two instances shows its code in the confirm dialog; no snippet holds a key, token or secret', async ({
  page,
  open,
  axe,
}) => {
  const env = e2eEnv();
  const credentials = watchCredentials(page);
  const ec2 = new EC2Client({
    endpoint: env.emulatorUrl,
    region: 'us-east-1',
    credentials: { accessKeyId: env.accessKeyId, secretAccessKey: env.secretAccessKey },
  });
  const name = unique('code');
  const out = await ec2.send(
    new RunInstancesCommand({
      ImageId: 'ami-0a1b2c3d4e5f60718',
      InstanceType: 't3.micro',
      MinCount: 2,
      MaxCount: 2,
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: name }] }],
    }),
  );
  const ids = (out.Instances ?? []).map((i) => i.InstanceId ?? '').sort();
  await expect
    .poll(async () => {
      const d = await ec2.send(new DescribeInstancesCommand({ InstanceIds: ids }));
      return d.Reservations?.flatMap((r) => r.Instances?.map((i) => i.State?.Name) ?? []);
    })
    .toEqual(['running', 'running']);

  await open(`/instances?q=${name}`);
  await expect(page.getByRole('row').filter({ hasText: ids[0] })).toBeVisible();
  // The list shows what it read: DescribeInstances with the filters in force, as a paginator.
  await page.getByRole('button', { name: 'Show as code' }).click();
  const listCode = await codeTabs(page, /, as code$/);
  expect(listCode.cli).toContain('aws ec2 describe-instances');
  expect(listCode.cli).toContain(name);
  expect(listCode.boto3).toContain('client.get_paginator("describe_instances")');
  expect(listCode.sdk).toContain('paginateDescribeInstances(');
  await page.keyboard.press('Escape');
  await page.getByRole('checkbox', { name: 'Select all loaded rows' }).check();
  const toolbar = page.getByRole('group', { name: 'Selected instances' });
  await expect(toolbar).toContainText('2 selected');
  await toolbar.getByRole('button', { name: 'Stop' }).click();
  const confirm = page.getByRole('dialog', { name: 'Stop 2 instances?' });
  await confirm.getByRole('button', { name: 'Show as code' }).click();
  const code = await codeTabs(page, 'Stop 2 instances: the same as code');
  expect(code.cli).toContain('aws ec2 stop-instances');
  expect(code.cli).toMatch(new RegExp(`--instance-ids (${ids[0]} ${ids[1]}|${ids[1]} ${ids[0]})`));
  expect(code.cli).toContain('--region us-east-1');
  expect(code.cli).not.toContain('--force');
  expect(code.boto3).toContain('client.stop_instances(InstanceIds=[');
  expect(code.boto3).toContain('except ClientError as err:');
  expect(code.sdk).toContain('new StopInstancesCommand({ InstanceIds: [');
  for (const id of ids) for (const text of Object.values(code)) expect(text).toContain(id);
  await axe('show as code dialog');
  await page.keyboard.press('Escape');

  // The code follows the options as they are now: Force stop adds --force.
  await expect(confirm).toBeVisible();
  await confirm.getByRole('checkbox', { name: 'Force stop' }).check();
  await confirm.getByRole('button', { name: 'Show as code' }).click();
  expect((await codeTabs(page, 'Stop 2 instances: the same as code')).cli).toContain('--force');
  await page.keyboard.press('Escape');
  await confirm.getByRole('button', { name: 'Cancel' }).click();

  // The history saw the list's DescribeInstances; no snippet of the whole session holds a credential.
  const scripts = await historyScripts(page);
  expect(scripts[0]).toContain('aws ec2 describe-instances');
  expect(credentials.length).toBeGreaterThan(0);
  const all = [...Object.values(code), ...scripts].join('\n');
  for (const secret of [...credentials, env.secretAccessKey]) expect(all).not.toContain(secret);
  expect(all).not.toMatch(/X-Amz-Signature=(?!<redacted>)/);
  expect(all).not.toMatch(/\b(AKIA|ASIA)[A-Z0-9]{16}\b/);
});

test('a table query with a sort-key condition and a filter shows its Query as code', async ({ page, open }) => {
  const env = e2eEnv();
  const ddb = new DynamoDBClient({
    endpoint: env.emulatorUrl,
    region: 'us-east-1',
    credentials: { accessKeyId: env.accessKeyId, secretAccessKey: env.secretAccessKey },
  });
  const TableName = unique('code');
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
    }),
  );
  await expect
    .poll(async () => (await ddb.send(new DescribeTableCommand({ TableName }))).Table?.TableStatus)
    .toBe('ACTIVE');
  for (let sk = 1; sk <= 6; sk++)
    await ddb.send(
      new PutItemCommand({
        TableName,
        Item: { pk: { S: 'c1' }, sk: { N: String(sk) }, status: { S: sk % 2 ? 'open' : 'closed' } },
      }),
    );
  const filter = encodeURIComponent(JSON.stringify([['status', '=', 'S', 'open']]));
  await open(`/tables/${TableName}?mode=query&pk=c1&skop=between&sk=2&sk2=5&f=${filter}`);
  await expect(page.getByRole('grid', { name: 'Items' }).getByRole('button', { name: /^Open item / })).toHaveCount(2);
  await page.getByRole('button', { name: 'Show as code' }).click();
  const code = await codeTabs(page, /as code$/);
  expect(code.cli).toContain('aws dynamodb query');
  expect(code.cli).toContain(`--table-name ${TableName}`);
  expect(code.cli).toMatch(/--key-condition-expression '[^']*BETWEEN[^']*'/);
  expect(code.cli).toContain('--filter-expression');
  expect(code.cli).toContain('"S":"open"');
  expect(code.boto3).toContain('paginator = client.get_paginator("query")');
  expect(code.sdk).toContain('paginateQuery(');
});
