// @vitest-environment jsdom
// useResourceList against the real emulator: a list is never older than the visit that shows it.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startTestEmulator, type TestEmulator } from '../../emulator/testing';
import { parseConfig, type ConsoleConfig } from '../aws/config';
import { CredentialStore } from '../aws/credentials';
import { activateSession } from '../aws/session';
import { sqsQueries } from '../aws/sqs/queries';
import { RefreshButton } from '../components/ui/refresh-button';
import type { ConsoleSession } from './console-session';
import { createTestSession, TestSessionProvider } from './test-session';
import { useResourceList } from './use-resource-list';

let emu: TestEmulator;
let config: ConsoleConfig;
let session: ConsoleSession;
let sqs: SQSClient;

beforeAll(async () => {
  emu = await startTestEmulator();
  sqs = new SQSClient(emu.clientConfig);
  await sqs.send(new CreateQueueCommand({ QueueName: 'stale-a' }));
  config = parseConfig({ regions: [emu.region], endpoint: emu.url, auth: { mode: 'static', ...emu.credentials } });
  session = createTestSession(config, new CredentialStore(async () => ({ ...emu.credentials })));
});

afterEach(cleanup);

afterAll(async () => {
  activateSession(undefined);
  await emu?.dispose();
});

function QueueNames() {
  const list = useResourceList(sqsQueries.list(emu.region, 'stale-'));
  return (
    <div>
      <p>{list.count === undefined ? 'loading' : `count ${list.count}`}</p>
      <ul>
        {list.rows.map((q) => (
          <li key={q.url}>{q.name}</li>
        ))}
      </ul>
      <RefreshButton {...list.refresh} />
    </div>
  );
}

function renderList() {
  return render(
    <TestSessionProvider config={config} session={session}>
      <QueueNames />
    </TestSessionProvider>,
  );
}

it('shows the cached rows at once when the page opens again, then what was made elsewhere meanwhile', async () => {
  const first = renderList();
  expect(await screen.findByText('stale-a', {}, { timeout: 10_000 })).toBeTruthy();
  first.unmount();

  // Made outside the console (the CLI, a colleague) while the user was on another page.
  await sqs.send(new CreateQueueCommand({ QueueName: 'stale-b' }));
  renderList();
  // The cached list first, with no loading state...
  expect(screen.getByText('stale-a')).toBeTruthy();
  expect(screen.queryByText('loading')).toBeNull();
  // ...then revalidated: the new queue appears without pressing Refresh.
  expect(await screen.findByText('stale-b', {}, { timeout: 10_000 })).toBeTruthy();
  expect(screen.getByText('count 2')).toBeTruthy();
});

it('Refresh reads the list again and says how old the rows are', async () => {
  renderList();
  expect(await screen.findByText('count 2', {}, { timeout: 10_000 })).toBeTruthy();
  // The revalidation on open ends first (Refresh shows progress and takes no second click meanwhile).
  expect(await screen.findByText(/Refreshed just now/, {}, { timeout: 10_000 })).toBeTruthy();
  await sqs.send(new CreateQueueCommand({ QueueName: 'stale-c' }));
  fireEvent.click(screen.getByRole('button', { name: /Refresh/ }));
  expect(await screen.findByText('stale-c', {}, { timeout: 10_000 })).toBeTruthy();
  expect(screen.getAllByText(/Refreshed just now/).length).toBeGreaterThan(0);
});
