// @vitest-environment jsdom
// The logs page's stream list against the real emulator: Refresh in the header brings in a stream made
// since, and a refused DescribeLogStreams names the action while "All streams" still searches the group.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand } from '@aws-sdk/client-cloudwatch-logs';
import { startTestEmulator, type TestEmulator } from '../../../emulator/testing';
import { parseConfig, type ConsoleConfig } from '../../aws/config';
import { credentialSource } from '../../aws/auth';
import { CredentialStore } from '../../aws/credentials';
import { activateSession } from '../../aws/session';
import { createTestSession, TestSessionProvider } from '../../app/test-session';
import LogsPage from './logs-page';

let emu: TestEmulator;
let config: ConsoleConfig;
let logs: CloudWatchLogsClient;

beforeAll(async () => {
  emu = await startTestEmulator();
  logs = new CloudWatchLogsClient(emu.clientConfig);
  config = parseConfig({ regions: [emu.region], endpoint: emu.url, auth: { mode: 'static', ...emu.credentials } });
});

afterEach(async () => {
  cleanup();
  activateSession(undefined);
  await emu.admin('faults', undefined, 'DELETE');
});

afterAll(async () => {
  await emu?.dispose();
});

async function groupWith(group: string, streams: string[]) {
  await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
  for (const s of streams) await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: s }));
}

function renderGroup(group: string) {
  const session = createTestSession(config, new CredentialStore(credentialSource(config)));
  const path = `/logs?group=${encodeURIComponent(group)}&range=1h&region=${emu.region}`;
  const router = createMemoryRouter([{ path: '/logs', Component: LogsPage }], { initialEntries: [path] });
  render(
    <TestSessionProvider config={config} session={session}>
      <RouterProvider router={router} />
    </TestSessionProvider>,
  );
}

it("Refresh in the group's header brings in a stream created since the page opened", async () => {
  await groupWith('/test/refresh', ['first', 'second']);
  renderGroup('/test/refresh');
  const nav = await screen.findByRole('navigation', { name: 'Log streams' });
  await within(nav).findByRole('button', { name: /second/ }, { timeout: 10_000 });
  expect(within(nav).getByRole('heading', { name: 'Streams (2)' })).toBeTruthy();

  await logs.send(new CreateLogStreamCommand({ logGroupName: '/test/refresh', logStreamName: 'third' }));
  fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
  await within(nav).findByRole('button', { name: /third/ }, { timeout: 10_000 });
  expect(within(nav).getByRole('heading', { name: 'Streams (3)' })).toBeTruthy();
});

it('a refused DescribeLogStreams names the action, and "All streams" is still offered', async () => {
  await groupWith('/test/denied', ['only']);
  await emu.admin('faults', {
    service: 'logs',
    operation: 'DescribeLogStreams',
    count: 100,
    error: {
      code: 'AccessDeniedException',
      status: 400,
      message: 'User: x is not authorized to perform: logs:DescribeLogStreams on resource: arn:aws:logs:*',
    },
  });
  renderGroup('/test/denied');
  const nav = await screen.findByRole('navigation', { name: 'Log streams' });
  await waitFor(() => expect(nav.textContent).toMatch(/logs:DescribeLogStreams/), { timeout: 10_000 });
  expect(within(nav).getByRole('button', { name: /All streams/ })).toBeTruthy();
  expect(within(nav).queryByRole('button', { name: /only/ })).toBeNull();
});
