// @vitest-environment jsdom
// The secret page against the real emulator in-process: a value is shown only on Reveal, and no value
// (revealed or typed) ever reaches storage, the URL, the query cache or the mutation cache.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { CreateSecretCommand, GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { startTestEmulator, type TestEmulator } from '../../../emulator/testing';
import { parseConfig, type ConsoleConfig } from '../../aws/config';
import { CredentialStore } from '../../aws/credentials';
import { activateSession } from '../../aws/session';
import { ConfigContext } from '../../app/config-context';
import { ConsoleSession } from '../../app/console-session';
import { SessionContext } from '../../app/session-context';
import SecretPage from './secret-page';
import { HIDDEN_TAB_MS } from './use-revealed-value';

let emu: TestEmulator;
let config: ConsoleConfig;
let sm: SecretsManagerClient;
const MARKER = 'canary-value-5b1f0e';
const NEW_MARKER = 'typed-canary-77ad2c';
const writes: string[] = [];

beforeAll(async () => {
  emu = await startTestEmulator();
  sm = new SecretsManagerClient(emu.clientConfig);
  config = parseConfig({ regions: [emu.region], endpoint: emu.url, auth: { mode: 'static', ...emu.credentials } });
  // Every write to storage, whatever the key, is recorded to be searched for a value.
  const setItem = Storage.prototype.setItem;
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, key: string, value: string) {
    writes.push(`${key}=${value}`);
    setItem.call(this, key, value);
  });
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

afterAll(async () => {
  vi.restoreAllMocks();
  activateSession(undefined);
  await emu?.dispose();
});

/** Everything reachable from the caches: query data and keys, mutation variables and results. */
function cacheText(client: QueryClient): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(
    {
      queries: client
        .getQueryCache()
        .getAll()
        .map((q) => ({ key: q.queryKey, data: q.state.data, error: String(q.state.error) })),
      mutations: client
        .getMutationCache()
        .getAll()
        .map((m) => ({ vars: m.state.variables, data: m.state.data, error: String(m.state.error) })),
    },
    (_key, value: unknown) => {
      if (typeof value === 'object' && value !== null) {
        if (seen.has(value)) return undefined;
        seen.add(value);
      }
      return value;
    },
  );
}

function everywhere(client: QueryClient, router: { state: { location: { pathname: string; search: string } } }) {
  const { pathname, search } = router.state.location;
  return [cacheText(client), writes.join('\n'), pathname + search, document.cookie].join('\n');
}

async function renderSecret(name: string) {
  // A fresh session per render, as a sign-in makes one.
  const session = new ConsoleSession(config, new CredentialStore(async () => ({ ...emu.credentials })));
  activateSession(session.aws);
  const client = session.queryClient;
  const router = createMemoryRouter(
    [
      { path: '/secrets/:name', Component: SecretPage },
      { path: '/elsewhere', element: <p>elsewhere</p> },
    ],
    { initialEntries: [`/secrets/${encodeURIComponent(name)}`] },
  );
  render(
    <ConfigContext.Provider value={config}>
      <SessionContext.Provider
        value={{ userName: 'test', groups: [], session, canSignOut: false, signOut: async () => undefined }}
      >
        <QueryClientProvider client={client}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </SessionContext.Provider>
    </ConfigContext.Provider>,
  );
  await screen.findByText('AWSCURRENT', { selector: 'span' }, { timeout: 10_000 });
  return { client, router };
}

const reveal = async () => {
  const button = await screen.findByRole('button', { name: 'Reveal value' });
  await waitFor(() => expect(button.getAttribute('aria-disabled')).toBeNull());
  fireEvent.click(button);
  await screen.findByText(MARKER, {}, { timeout: 10_000 });
};

describe('the secret page', () => {
  it('loads no value until Reveal, drops it on Hide, and never puts it in storage, the URL or a cache', async () => {
    await sm.send(new CreateSecretCommand({ Name: 'page/json', SecretString: JSON.stringify({ token: MARKER }) }));
    const { client, router } = await renderSecret('page/json');
    expect(document.body.textContent).not.toContain(MARKER);
    await reveal();
    expect(everywhere(client, router)).not.toContain(MARKER);
    fireEvent.click(screen.getByRole('button', { name: 'Hide value' }));
    expect(document.body.textContent).not.toContain(MARKER);
    expect(everywhere(client, router)).not.toContain(MARKER);
  });

  it('drops the value when the user navigates away', async () => {
    await sm.send(new CreateSecretCommand({ Name: 'page/nav', SecretString: `x-${MARKER}` }));
    const { router } = await renderSecret('page/nav');
    fireEvent.click(await screen.findByRole('button', { name: 'Reveal value' }));
    await screen.findByText(`x-${MARKER}`, {}, { timeout: 10_000 });
    await act(() => router.navigate('/elsewhere'));
    await act(() => router.navigate(-1));
    await screen.findByRole('button', { name: 'Reveal value' });
    expect(document.body.textContent).not.toContain(MARKER);
  });

  it('drops the value after the tab has been hidden for a minute, not before', async () => {
    await sm.send(new CreateSecretCommand({ Name: 'page/tab', SecretString: JSON.stringify({ token: MARKER }) }));
    await renderSecret('page/tab');
    await reveal();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    act(() => void vi.advanceTimersByTime(HIDDEN_TAB_MS - 1000));
    expect(document.body.textContent).toContain(MARKER);
    act(() => void vi.advanceTimersByTime(1000));
    expect(document.body.textContent).not.toContain(MARKER);
    visibility.mockRestore();
  });

  it('a typed new value goes to AWS but to no storage, URL or cache', async () => {
    await sm.send(new CreateSecretCommand({ Name: 'page/put', SecretString: 'old' }));
    const { client, router } = await renderSecret('page/put');
    fireEvent.click(screen.getByRole('button', { name: 'New value' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Plaintext' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Secret value as plaintext' }), {
      target: { value: NEW_MARKER },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Store new value' }));
    await screen.findByText('Stages moved', {}, { timeout: 10_000 });
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 'page/put' }))).SecretString).toBe(NEW_MARKER);
    expect(client.getMutationCache().getAll().length).toBeGreaterThan(0);
    expect(everywhere(client, router)).not.toContain(NEW_MARKER);
  });
});
