// @vitest-environment jsdom
// The items page against the real emulator in-process: typing in the query builder must not touch the table.
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
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

// jsdom has no layout: give the table's scroll box a height so the virtualizer renders rows.
const saved = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
beforeAll(async () => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.firstElementChild?.getAttribute('role') === 'grid' ? 600 : 0;
    },
  });
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
  // A wide screen: both key columns pinned.
  vi.stubGlobal('matchMedia', () => ({ matches: false, addEventListener() {}, removeEventListener() {} }));
  emu = await startTestEmulator();
  const ddb = new DynamoDBClient(emu.clientConfig);
  await ddb.send(
    new CreateTableCommand({
      TableName: 'Remounts',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  while ((await ddb.send(new DescribeTableCommand({ TableName: 'Remounts' }))).Table?.TableStatus !== 'ACTIVE')
    await new Promise((resolve) => setTimeout(resolve, 50));
  for (let i = 0; i < 5; i++) {
    await ddb.send(
      new PutItemCommand({
        TableName: 'Remounts',
        Item: { pk: { S: 'user#1' }, sk: { S: `order#${i}` }, total: { N: String(i * 10) } },
      }),
    );
  }
  config = parseConfig({ regions: [emu.region], endpoint: emu.url, auth: { mode: 'static', ...emu.credentials } });
  session = createTestSession(config, new CredentialStore(async () => ({ ...emu.credentials })));
});

afterEach(cleanup);

afterAll(async () => {
  vi.unstubAllGlobals();
  if (saved) Object.defineProperty(HTMLElement.prototype, 'clientHeight', saved);
  activateSession(undefined);
  await emu?.dispose();
});

function renderPage(path: string) {
  const router = createMemoryRouter([{ path: '/tables/:table', Component: TablePage }], { initialEntries: [path] });
  render(
    <TestSessionProvider config={config} session={session}>
      <RouterProvider router={router} />
    </TestSessionProvider>,
  );
}

it('typing in the query builder remounts no cell of the items table, and Run still queries what was typed', async () => {
  renderPage('/tables/Remounts?mode=query&pk=user%231');
  const grid = await screen.findByRole('grid', { name: 'Items' }, { timeout: 15_000 });
  const opener = await within(grid).findByRole('button', { name: /^Open item user#1 order#3/ }, { timeout: 15_000 });
  const tbody = grid.querySelector('tbody');
  if (!tbody) throw new Error('the items table has no body');

  // Every cell a keystroke unmounts is a node removed from the table body.
  let removed = 0;
  const observer = new MutationObserver((records) => {
    for (const r of records) removed += r.removedNodes.length;
  });
  observer.observe(tbody, { childList: true, subtree: true });
  const field = screen.getByRole('textbox', { name: /pk \(partition key/ });
  for (const value of ['user#1x', 'user#1xy', 'user#1']) fireEvent.change(field, { target: { value } });
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();

  expect(removed).toBe(0);
  expect(opener.isConnected).toBe(true);

  // The draft stays the builder's until Run: then the table shows what the new query found.
  fireEvent.change(field, { target: { value: 'nobody' } });
  expect(within(grid).getByRole('button', { name: /^Open item user#1 order#3/ })).toBe(opener);
  fireEvent.click(screen.getByRole('button', { name: 'Run' }));
  expect(await screen.findByText('No items match this query', {}, { timeout: 15_000 })).toBeTruthy();
});
