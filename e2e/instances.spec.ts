import { randomBytes } from 'node:crypto';
import {
  DescribeInstancesCommand,
  EC2Client,
  RunInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { test, expect, type Page } from './fixtures.js';
import { e2eEnv } from './support/env.js';
import { signInThroughLoginPage } from './support/sign-in.js';
import { USERS } from './support/users.js';

const REGION = 'us-east-1';

function sharedEc2(): EC2Client {
  const env = e2eEnv();
  return ec2At(env.emulatorUrl, { accessKeyId: env.accessKeyId, secretAccessKey: env.secretAccessKey });
}

function ec2At(endpoint: string, credentials: { accessKeyId: string; secretAccessKey: string }): EC2Client {
  return new EC2Client({ endpoint, region: REGION, credentials });
}

const unique = (what: string) => `e2e-${what}-${randomBytes(4).toString('hex')}`;

async function stateOf(ec2: EC2Client, id: string): Promise<string | undefined> {
  const out = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }));
  return out.Reservations?.[0]?.Instances?.[0]?.State?.Name;
}

async function waitForState(ec2: EC2Client, ids: string[], state: string): Promise<void> {
  await expect
    .poll(async () => Promise.all(ids.map((id) => stateOf(ec2, id))), { timeout: 10_000, intervals: [250] })
    .toEqual(ids.map(() => state));
}

/** Launch `count` instances named `name` through the SDK and wait until they run. */
async function launch(
  ec2: EC2Client,
  name: string,
  count = 1,
  extraTags: Array<{ Key: string; Value: string }> = [],
): Promise<string[]> {
  const out = await ec2.send(
    new RunInstancesCommand({
      ImageId: 'ami-0a1b2c3d4e5f60718',
      InstanceType: 't3.micro',
      MinCount: count,
      MaxCount: count,
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: name }, ...extraTags] }],
    }),
  );
  const ids = (out.Instances ?? []).map((i) => i.InstanceId ?? '');
  await waitForState(ec2, ids, 'running');
  return ids;
}

const rowOf = (page: Page, id: string) => page.getByRole('row').filter({ hasText: id });
const stateIn = (page: Page, id: string, state: string) => rowOf(page, id).getByText(state, { exact: true });

/** The form body of EC2 calls the page makes, e.g. "Action=StopInstances&...". */
function ec2Calls(page: Page, action: string): string[] {
  const bodies: string[] = [];
  page.on('request', (r) => {
    const body = r.postData() ?? '';
    if (body.includes(`Action=${action}&`) || body.endsWith(`Action=${action}`)) bodies.push(decodeURIComponent(body));
  });
  return bodies;
}

async function openRowMenuItem(page: Page, id: string, item: string): Promise<void> {
  await rowOf(page, id).getByRole('button', { name: 'Actions' }).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
}

test.describe('as admin', () => {
  test('stopping a running instance shows stopping, then stopped, without a reload; the poll asks only about it', async ({
    page,
    open,
    axe,
  }) => {
    const ec2 = sharedEc2();
    const name = unique('stop');
    const [id = ''] = await launch(ec2, name);
    const polls = ec2Calls(page, 'DescribeInstances');
    await open(`/instances?q=${name}`);
    await expect(stateIn(page, id, 'Running')).toBeVisible();
    await axe('instance list');

    await openRowMenuItem(page, id, 'Stop');
    const dialog = page.getByRole('dialog', { name: `Stop instance ${name} (${id})?` });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('checkbox', { name: 'Force stop' })).not.toBeChecked();
    await axe('stop dialog');
    const stop = page.waitForRequest((r) => (r.postData() ?? '').includes('Action=StopInstances'));
    await dialog.getByRole('button', { name: 'Stop', exact: true }).click();
    expect(decodeURIComponent((await stop).postData() ?? '')).toContain(`InstanceId.1=${id}`);
    await expect(stateIn(page, id, 'Stopping')).toBeVisible();
    await expect(rowOf(page, id)).toContainText('Waiting for stopped');
    await expect(stateIn(page, id, 'Stopped')).toBeVisible({ timeout: 15_000 });
    await expect(rowOf(page, id)).not.toContainText('Waiting for stopped');
    expect(await stateOf(ec2, id)).toBe('stopped');
    // The waiter's DescribeInstances name the instance and nothing else; no list page was refetched.
    const waiterPolls = polls.filter((b) => b.includes('InstanceId.1='));
    expect(waiterPolls.length).toBeGreaterThan(0);
    for (const b of waiterPolls) {
      expect(b).toContain(`InstanceId.1=${id}`);
      expect(b).not.toContain('InstanceId.2=');
    }
    expect(polls.filter((b) => b.includes('MaxResults=100&') || b.endsWith('MaxResults=100'))).toHaveLength(1);
  });

  test('starting a stopped instance shows pending, then running', async ({ page, open }) => {
    const ec2 = sharedEc2();
    const name = unique('start');
    const [id = ''] = await launch(ec2, name);
    await ec2.send(new StopInstancesCommand({ InstanceIds: [id], Force: true }));
    await waitForState(ec2, [id], 'stopped');
    await open(`/instances?q=${name}`);
    await expect(stateIn(page, id, 'Stopped')).toBeVisible();
    // Start is reversible: one click, no dialog.
    await openRowMenuItem(page, id, 'Start');
    await expect(stateIn(page, id, 'Pending')).toBeVisible();
    await expect(stateIn(page, id, 'Running')).toBeVisible({ timeout: 15_000 });
    expect(await stateOf(ec2, id)).toBe('running');
  });

  test('rebooting from the instance page asks first, sends RebootInstances and keeps it running', async ({
    page,
    open,
    axe,
  }) => {
    const ec2 = sharedEc2();
    const name = unique('reboot');
    const [id = ''] = await launch(ec2, name);
    await open(`/instances/${id}`);
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(name) })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Instances');
    await axe('instance details');
    await page.getByRole('button', { name: 'Reboot' }).click();
    const dialog = page.getByRole('dialog', { name: `Reboot instance ${name} (${id})?` });
    const reboot = page.waitForRequest((r) => (r.postData() ?? '').includes('Action=RebootInstances'));
    await dialog.getByRole('button', { name: 'Reboot', exact: true }).click();
    expect(decodeURIComponent((await reboot).postData() ?? '')).toContain(`InstanceId.1=${id}`);
    await expect(page.getByText(/Reboot requested at/)).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Running');
  });

  test('a bulk stop of three instances stops all three', async ({ page, open }) => {
    const ec2 = sharedEc2();
    const name = unique('bulk');
    const ids = await launch(ec2, name, 3);
    await open(`/instances?q=${name}`);
    for (const id of ids) await expect(stateIn(page, id, 'Running')).toBeVisible();
    await page.getByRole('checkbox', { name: 'Select all loaded rows' }).check();
    const toolbar = page.getByRole('group', { name: 'Selected instances' });
    await expect(toolbar).toContainText('3 selected');
    await toolbar.getByRole('button', { name: 'Stop' }).click();
    const dialog = page.getByRole('dialog', { name: 'Stop 3 instances?' });
    for (const id of ids) await expect(dialog).toContainText(id);
    const stop = page.waitForRequest((r) => (r.postData() ?? '').includes('Action=StopInstances'));
    await dialog.getByRole('button', { name: 'Stop 3 instances' }).click();
    const body = decodeURIComponent((await stop).postData() ?? '');
    for (const id of ids) expect(body).toContain(id);
    for (const id of ids) await expect(stateIn(page, id, 'Stopped')).toBeVisible({ timeout: 15_000 });
    await waitForState(ec2, ids, 'stopped');
  });

  test('terminating needs the instance name typed', async ({ page, open, axe }) => {
    const ec2 = sharedEc2();
    const name = unique('term');
    const [id = ''] = await launch(ec2, name);
    await open(`/instances/${id}`);
    await page.getByRole('button', { name: 'Terminate' }).click();
    const dialog = page.getByRole('dialog', { name: `Terminate instance ${name} (${id})?` });
    const confirm = dialog.getByRole('button', { name: 'Terminate', exact: true });
    await expect(confirm).toHaveAttribute('aria-disabled', 'true');
    await axe('terminate dialog');
    await confirm.click({ force: true });
    await dialog.getByRole('textbox').fill(name.slice(0, -1));
    await expect(confirm).toHaveAttribute('aria-disabled', 'true');
    expect(await stateOf(ec2, id)).toBe('running');
    await dialog.getByRole('textbox').fill(name);
    await confirm.click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/Shutting down|Terminated/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Terminated', { timeout: 15_000 });
  });

  test("an action on an instance terminated elsewhere shows EC2's refusal beside it and its true state", async ({
    page,
    open,
  }) => {
    const ec2 = sharedEc2();
    const name = unique('refused');
    const [id = ''] = await launch(ec2, name);
    await open(`/instances?q=${name}`);
    await expect(stateIn(page, id, 'Running')).toBeVisible();
    // Someone else terminates it; the row still says running.
    await ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    await openRowMenuItem(page, id, 'Stop');
    await page.getByRole('dialog').getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(rowOf(page, id).getByRole('alert')).toContainText(
      `Could not stop ${id}: The instance '${id}' is not in a state from which it can be stopped.`,
    );
    await expect(rowOf(page, id).getByText(/^(Shutting down|Terminated)$/)).toBeVisible();
  });

  test('filters by state and tag are sent to EC2 and kept in the URL', async ({ page, open }) => {
    const ec2 = sharedEc2();
    const run = unique('filter');
    const [running = ''] = await launch(ec2, `${run}-a`, 1, [{ Key: 'E2eRun', Value: run }]);
    const [stopped = ''] = await launch(ec2, `${run}-b`, 1, [{ Key: 'E2eRun', Value: run }]);
    await ec2.send(new StopInstancesCommand({ InstanceIds: [stopped], Force: true }));
    await waitForState(ec2, [stopped], 'stopped');

    const listed = page.waitForRequest((r) => {
      const body = decodeURIComponent(r.postData() ?? '');
      return (
        body.includes('Action=DescribeInstances') &&
        body.includes('MaxResults=100') &&
        body.includes(`Filter.2.Value.1=${run}`)
      );
    });
    await open(`/instances?state=running&tag=E2eRun%3D${run}`);
    const body = decodeURIComponent((await listed).postData() ?? '');
    expect(body).toContain('Filter.1.Name=instance-state-name');
    expect(body).toContain('Filter.1.Value.1=running');
    expect(body).toContain('Filter.2.Name=tag:E2eRun');
    await expect(rowOf(page, running)).toBeVisible();
    await expect(rowOf(page, stopped)).toHaveCount(0);
    const chips = page.getByRole('list', { name: 'Active filters' });
    await expect(chips).toContainText('State: Running');
    await expect(chips).toContainText(`Tag: E2eRun = ${run}`);

    // Removing the state chip asks EC2 again, with only the tag filter.
    const again = page.waitForRequest((r) => {
      const b = decodeURIComponent(r.postData() ?? '');
      return b.includes('Action=DescribeInstances') && b.includes('Filter.1.Name=tag:E2eRun');
    });
    await page.getByRole('button', { name: 'Remove filter State: Running' }).click();
    expect(decodeURIComponent((await again).postData() ?? '')).not.toContain('instance-state-name');
    await expect(rowOf(page, stopped)).toBeVisible();
    await expect(page).not.toHaveURL(/state=/);

    // The search box: a name search is a tag:Name filter with wildcards, on EC2.
    const searched = page.waitForRequest((r) =>
      decodeURIComponent(r.postData() ?? '').includes(`Filter.1.Value.1=*${run}-b*`),
    );
    await page.getByRole('searchbox', { name: 'Find instances' }).fill(`${run}-b`);
    expect(decodeURIComponent((await searched).postData() ?? '')).toContain('Filter.1.Name=tag:Name');
    await expect(rowOf(page, running)).toHaveCount(0);
    await expect(rowOf(page, stopped)).toBeVisible();
  });

  test('tags are added, changed and removed, with keys checked before saving', async ({ page, open, axe }) => {
    const ec2 = sharedEc2();
    const name = unique('tags');
    const [id = ''] = await launch(ec2, name, 1, [{ Key: 'Team', Value: 'red' }]);
    await open(`/instances/${id}?tab=tags`);
    await expect(page.getByRole('tab', { name: 'Tags (2)' })).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('button', { name: 'Edit tags' }).click();
    const form = page.getByRole('form', { name: 'Edit tags' });
    await form.getByRole('button', { name: 'Add tag' }).click();
    await form.getByRole('textbox', { name: 'Key 3' }).fill('aws:owner');
    await expect(form.getByText('Keys starting with "aws:" are reserved for AWS')).toBeVisible();
    await form.getByRole('textbox', { name: 'Key 3' }).fill('Owner');
    await form.getByRole('textbox', { name: 'Value 3' }).fill('ops');
    await form.getByRole('textbox', { name: 'Value 2' }).fill('blue');
    await axe('tag editor');
    const created = page.waitForRequest((r) => (r.postData() ?? '').includes('Action=CreateTags'));
    await form.getByRole('button', { name: 'Save tags' }).click();
    const body = decodeURIComponent((await created).postData() ?? '');
    expect(body).toContain('Tag.1.Key=Team&Tag.1.Value=blue');
    expect(body).toContain('Tag.2.Key=Owner&Tag.2.Value=ops');
    await expect(page.getByRole('tab', { name: 'Tags (3)' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Tags' })).toContainText('blue');

    await page.getByRole('button', { name: 'Edit tags' }).click();
    await form.getByRole('button', { name: 'Remove tag Owner' }).click();
    const deleted = page.waitForRequest((r) => (r.postData() ?? '').includes('Action=DeleteTags'));
    await form.getByRole('button', { name: 'Save tags' }).click();
    expect(decodeURIComponent((await deleted).postData() ?? '')).toContain('Tag.1.Key=Owner');
    await expect(page.getByRole('tab', { name: 'Tags (2)' })).toBeVisible();
    const out = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }));
    const tags = out.Reservations?.[0]?.Instances?.[0]?.Tags ?? [];
    expect(Object.fromEntries(tags.map((t) => [t.Key, t.Value]))).toEqual({ Name: name, Team: 'blue' });
  });
});

test.describe('as a viewer', () => {
  test.use({ role: 'viewer' });

  test('actions are disabled with the DryRun reason and nothing changes', async ({ page, open, axe }) => {
    const ec2 = sharedEc2();
    const name = unique('viewer');
    const [id = ''] = await launch(ec2, name);
    const dryRuns = ec2Calls(page, 'StopInstances');
    await open(`/instances?q=${name}`);
    await expect(stateIn(page, id, 'Running')).toBeVisible();
    await rowOf(page, id).getByRole('button', { name: 'Actions' }).click();
    const stop = page.getByRole('menuitem', { name: /^Stop/ });
    await expect(stop).toContainText('Your role does not allow ec2:StopInstances');
    await expect(page.getByRole('menuitem', { name: /^Terminate/ })).toContainText(
      'Your role does not allow ec2:TerminateInstances',
    );
    await expect(stop).toHaveAttribute('aria-disabled', 'true');
    await stop.click({ force: true });
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.keyboard.press('Escape');
    // The reason came from EC2's DryRun, and the only StopInstances calls were dry runs.
    expect(dryRuns.length).toBeGreaterThan(0);
    for (const b of dryRuns) expect(b).toContain('DryRun=true');

    await page.getByRole('link', { name }).click();
    const detailStop = page.getByRole('button', { name: 'Stop' });
    await expect(detailStop).toHaveAttribute('aria-disabled', 'true');
    await expect(detailStop).toHaveAccessibleDescription('Your role does not allow ec2:StopInstances');
    await detailStop.click({ force: true });
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await axe('instance details as a viewer');
    expect(await stateOf(ec2, id)).toBe('running');
  });
});

test.describe('with faults injected', () => {
  // Each test signs in to its own emulator: faults apply to every caller.
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a throttled DescribeInstances is retried and the list recovers', async ({ page, ownEmulator }) => {
    await ownEmulator.admin('faults', {
      service: 'ec2',
      operation: 'DescribeInstances',
      count: 2,
      error: { code: 'RequestLimitExceeded', status: 503, message: 'Request limit exceeded.' },
    });
    await page.goto('/instances');
    await signInThroughLoginPage(page, USERS.admin);
    await expect(page.getByText(/Retrying \(\d\)…/)).toBeVisible();
    // The seeded demo fleet appears once EC2 answers.
    await expect(page.getByRole('link', { name: 'web-prod-1' })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('grid', { name: 'Instances' }).getByRole('alert')).toHaveCount(0);
  });

  test('a 500 on StopInstances shows the error beside the instance and the row returns to its true state', async ({
    page,
    ownEmulator,
  }) => {
    const ec2 = ec2At(ownEmulator.url, ownEmulator.credentials);
    const name = unique('fault');
    const [id = ''] = await launch(ec2, name);
    await ownEmulator.admin('faults', {
      service: 'ec2',
      operation: 'StopInstances',
      // The first is the page's DryRun permission probe (a 500 there leaves the button enabled).
      count: 2,
      error: { code: 'InternalError', status: 500, message: 'An internal error has occurred' },
    });
    await page.goto(`/instances?q=${name}`);
    await signInThroughLoginPage(page, USERS.admin);
    await expect(stateIn(page, id, 'Running')).toBeVisible();
    await openRowMenuItem(page, id, 'Stop');
    await page.getByRole('dialog').getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(rowOf(page, id).getByRole('alert')).toContainText(
      `Could not stop ${id}: An internal error has occurred`,
    );
    await expect(stateIn(page, id, 'Running')).toBeVisible();
    expect(await stateOf(ec2, id)).toBe('running');
  });
});
