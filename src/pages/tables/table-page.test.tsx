// @vitest-environment jsdom
// The table page against the real emulator while DescribeTable is slow: loading, not a broken query.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startTestEmulator, type TestEmulator } from '../../../emulator/testing';
import { parseConfig, type ConsoleConfig } from '../../aws/config';
import { CredentialStore } from '../../aws/credentials';
import { activateSession } from '../../aws/session';
import type { ConsoleSession } from '../../app/console-session';
import { createTestSession, TestSessionProvider } from '../../app/test-session';
import TablePage from './table-page';

let emu: TestEmulator;
let config: ConsoleConfig;
let session: ConsoleSession;

beforeAll(async () => {
  // jsdom has no matchMedia; the page asks whether the screen is narrow.
  window.matchMedia ??= (query: string) =>
    ({
      matches: false,
      media: query,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    }) as unknown as MediaQueryList;
  emu = await startTestEmulator();
  await new DynamoDBClient(emu.clientConfig).send(
    new CreateTableCommand({
      TableName: 'SlowToDescribe',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  config = parseConfig({ regions: [emu.region], endpoint: emu.url, auth: { mode: 'static', ...emu.credentials } });
  session = createTestSession(config, new CredentialStore(async () => ({ ...emu.credentials })));
});

afterEach(cleanup);

afterAll(async () => {
  activateSession(undefined);
  await emu?.dispose();
});

it('while DescribeTable is slow the items say Loading, never "Fix the query above"', async () => {
  await emu.admin('faults', { service: 'dynamodb', operation: 'DescribeTable', count: 1, latencyMs: 2000 });
  const router = createMemoryRouter([{ path: '/tables/:table', Component: TablePage }], {
    initialEntries: ['/tables/SlowToDescribe'],
  });
  render(
    <TestSessionProvider config={config} session={session}>
      <RouterProvider router={router} />
    </TestSessionProvider>,
  );
  expect(await screen.findByRole('grid', { name: 'Items' }, { timeout: 1500 })).toBeTruthy();
  expect(screen.queryByText('Fix the query above to see items.')).toBeNull();
  expect(await screen.findByText(/Scan on the table: 0 scanned/, {}, { timeout: 10_000 })).toBeTruthy();
});
