// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { KeyValueList } from './key-value';

afterEach(cleanup);

describe('KeyValueList', () => {
  it('pairs each label with its value and shows a dash for a missing one', () => {
    render(
      <KeyValueList
        items={[
          { label: 'Instance ID', value: 'i-0abc', isMono: true },
          { label: 'Public IP', value: undefined },
          { label: 'Key pair', value: '' },
        ]}
      />,
    );
    const terms = screen.getAllByRole('term').map((t) => t.textContent);
    const values = screen.getAllByRole('definition').map((d) => d.textContent);
    expect(terms).toEqual(['Instance ID', 'Public IP', 'Key pair']);
    expect(values).toEqual(['i-0abc', '–', '–']);
    expect(screen.getByText('i-0abc').className).toContain('font-mono');
  });
});
