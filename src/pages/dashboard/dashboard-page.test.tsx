// @vitest-environment jsdom
// The dashboard against the real emulator in-process: each card loads and fails on its own.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { S3Client, CreateBucketCommand } from '@aws-sdk/client-s3';
import { SQSClient, CreateQueueCommand } from '@aws-sdk/client-sqs';
import { startTestEmulator, type TestEmulator } from '../../../emulator/testing';
import { parseConfig, type ConsoleConfig } from '../../aws/config';
import { CredentialStore } from '../../aws/credentials';
import { DeniedActions } from '../../aws/permissions';
import { activateSession, AwsSession } from '../../aws/session';
import { createQueryClient } from '../../aws/query-client';
import { ConfigContext } from '../../app/config-context';
import DashboardPage from './dashboard-page';

let emu: TestEmulator;
let config: ConsoleConfig;

beforeAll(async () => {
  emu = await startTestEmulator();
  await new S3Client({ ...emu.clientConfig, forcePathStyle: true }).send(
    new CreateBucketCommand({ Bucket: 'card-bucket' }),
  );
  await new SQSClient(emu.clientConfig).send(new CreateQueueCommand({ QueueName: 'card-queue' }));
  config = parseConfig({ regions: [emu.region], endpoint: emu.url, auth: { mode: 'static', ...emu.credentials } });
  activateSession(new AwsSession(config, new CredentialStore(async () => ({ ...emu.credentials }))));
});

afterEach(cleanup);

afterAll(async () => {
  activateSession(undefined);
  await emu?.dispose();
});

function renderDashboard(withConfig: ConsoleConfig = config) {
  const router = createMemoryRouter([{ path: '/dashboard', Component: DashboardPage }], {
    initialEntries: ['/dashboard'],
  });
  render(
    <ConfigContext.Provider value={withConfig}>
      <QueryClientProvider client={createQueryClient(new DeniedActions())}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ConfigContext.Provider>,
  );
}

it('shows every card with its data or its empty state', async () => {
  renderDashboard();
  const s3 = screen.getByRole('region', { name: 'S3 buckets' });
  expect(await within(s3).findByText('card-bucket', {}, { timeout: 10_000 })).toBeTruthy();
  const sqs = screen.getByRole('region', { name: 'SQS queues' });
  expect(await within(sqs).findByText('0 waiting', {}, { timeout: 10_000 })).toBeTruthy();
  expect(
    await within(screen.getByRole('region', { name: 'EC2 instances' })).findByText(
      'No instances',
      {},
      { timeout: 10_000 },
    ),
  ).toBeTruthy();
  expect(
    await within(screen.getByRole('region', { name: 'DynamoDB tables' })).findByText(
      'No tables',
      {},
      { timeout: 10_000 },
    ),
  ).toBeTruthy();
});

it('one denied service shows the denied action in its card; the others still show data', async () => {
  await emu.admin('faults', {
    service: 'sqs',
    operation: 'ListQueues',
    error: {
      code: 'AccessDenied',
      status: 403,
      message: `User: arn:aws:sts::${emu.accountId}:assumed-role/ConsoleReadOnly/x is not authorized to perform: sqs:ListQueues on resource: arn:aws:sqs:${emu.region}:${emu.accountId}:`,
    },
  });
  renderDashboard();
  const sqs = screen.getByRole('region', { name: 'SQS queues' });
  const alert = await within(sqs).findByRole('alert', {}, { timeout: 10_000 });
  expect(alert.textContent).toContain('Access denied');
  expect(alert.textContent).toContain('You are not allowed to call sqs:ListQueues on');
  expect(
    await within(screen.getByRole('region', { name: 'S3 buckets' })).findByText('card-bucket', {}, { timeout: 10_000 }),
  ).toBeTruthy();
  expect(within(screen.getByRole('region', { name: 'S3 buckets' })).queryByRole('alert')).toBeNull();
});

it('lists the bucket names from config when ListBuckets is denied, as on AWS where browsers cannot call it', async () => {
  await emu.admin('faults', {
    service: 's3',
    operation: 'ListBuckets',
    error: { code: 'AccessDenied', status: 403, message: 'Access Denied' },
  });
  renderDashboard({ ...config, buckets: ['configured-bucket-a', 'configured-bucket-b'] });
  const s3 = screen.getByRole('region', { name: 'S3 buckets' });
  expect(await within(s3).findByText('configured-bucket-b', {}, { timeout: 10_000 })).toBeTruthy();
  expect(within(s3).getByText('Bucket names from config')).toBeTruthy();
  expect(within(s3).queryByRole('alert')).toBeNull();
  expect(within(s3).queryByText('card-bucket')).toBeNull();
});

it('says "Retrying (n)…" on a card whose service is throttled, as other pages do, then shows its data', async () => {
  await emu.admin('faults', {
    service: 'sqs',
    operation: 'ListQueues',
    count: 2,
    error: { code: 'RequestThrottled', status: 403, message: 'Rate exceeded' },
  });
  renderDashboard();
  const sqs = screen.getByRole('region', { name: 'SQS queues' });
  expect(await within(sqs).findByText(/^Retrying \(\d\)…$/, {}, { timeout: 10_000 })).toBeTruthy();
  expect(await within(sqs).findByText('card-queue', {}, { timeout: 20_000 })).toBeTruthy();
});
