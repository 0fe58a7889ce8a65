// @vitest-environment jsdom
import { afterEach, beforeAll, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { parseConfig } from '../aws/config';
import { ConfigContext } from './config-context';
import { rememberRegion } from './remembered-region';
import { useRegion } from './use-region';

const config = parseConfig({
  regions: ['us-east-1', 'eu-west-1', 'ap-south-1'],
  auth: { mode: 'cognito', identityPoolId: 'us-east-1:00000000-0000-4000-8000-00000000c0de' },
});

// A region chosen on an earlier visit, before this page load read the storage.
beforeAll(() => localStorage.setItem('console.region', 'eu-west-1'));
afterEach(cleanup);

function Region() {
  return <p>{useRegion()}</p>;
}

function renderAt(url: string) {
  render(
    <ConfigContext.Provider value={config}>
      <MemoryRouter initialEntries={[url]}>
        <Region />
      </MemoryRouter>
    </ConfigContext.Provider>,
  );
}

it('opens a bookmark without ?region= in the region last chosen in this browser', () => {
  renderAt('/buckets');
  expect(screen.getByText('eu-west-1')).toBeTruthy();
});

it('lets the URL win over the remembered region', () => {
  renderAt('/buckets?region=ap-south-1');
  expect(screen.getByText('ap-south-1')).toBeTruthy();
});

it('remembers a switch, and falls back to the default for a region no longer configured', () => {
  rememberRegion('ap-south-1');
  expect(localStorage.getItem('console.region')).toBe('ap-south-1');
  renderAt('/buckets');
  expect(screen.getByText('ap-south-1')).toBeTruthy();
  cleanup();
  rememberRegion('sa-east-1');
  renderAt('/buckets');
  expect(screen.getByText('us-east-1')).toBeTruthy();
});
