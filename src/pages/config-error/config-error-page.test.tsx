// @vitest-environment jsdom
import { afterEach, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { ConfigError, parseConfig } from '../../aws/config';
import { ConfigErrorPage } from './config-error-page';

afterEach(cleanup);

it('names each bad field of a config', () => {
  let problems: string[] = [];
  try {
    parseConfig({ regions: ['us-east-1'], auth: { mode: 'cognito' }, endpoint: 'nope' });
  } catch (e) {
    if (e instanceof ConfigError) problems = e.problems;
  }
  render(<ConfigErrorPage problems={problems} />);
  expect(screen.getByRole('heading', { name: 'Configuration error' })).toBeTruthy();
  const items = screen.getAllByRole('listitem').map((li) => li.textContent);
  expect(items).toContain('auth.identityPoolId: required');
  expect(items.some((t) => t?.startsWith('endpoint: '))).toBe(true);
});
