// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EnvVars } from './env-vars';
import { InvocationResult, type InvocationView } from './invocation-result';

afterEach(cleanup);

const base: InvocationView = {
  type: 'RequestResponse',
  status: 200,
  payloadText: '',
  isJson: false,
  roundTripMs: 12,
  retries: 0,
};

describe('InvocationResult', () => {
  it('names a failure in words and shows the REPORT figures beside the log tail', () => {
    render(
      <InvocationResult
        result={{
          ...base,
          payloadText: '{"errorType":"Sandbox.Timedout"}',
          isJson: true,
          json: { errorType: 'Sandbox.Timedout' },
          error: {
            kind: 'Unhandled',
            type: 'Sandbox.Timedout',
            message: 'x',
            trace: [],
            summary: 'The function timed out after 2.00 seconds and was stopped.',
          },
          logTail: 'REPORT RequestId: a Duration: 2000 ms',
          report: {
            durationMs: 2000,
            billedDurationMs: 2000,
            memorySizeMb: 128,
            maxMemoryUsedMb: 60,
            initDurationMs: 100,
          },
        }}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('The function timed out after 2.00 seconds');
    expect(screen.getByLabelText('Report').textContent).toContain('60 of 128 MB');
    expect(screen.getByLabelText('Report').textContent).toContain('Init duration');
    expect(screen.getByLabelText('Log tail').textContent).toContain('REPORT RequestId');
  });

  it('shows a text answer as text, and says when there was no REPORT line', () => {
    render(<InvocationResult result={{ ...base, payloadText: 'plain words' }} />);
    expect(screen.getByLabelText('Response payload').textContent).toBe('plain words');
    expect(screen.getByLabelText('Report').textContent).toContain('No REPORT line');
  });

  it('an Event invocation says it was queued and where its output lands', () => {
    render(
      <InvocationResult
        result={{ ...base, type: 'Event', status: 202, requestId: 'r-1' }}
        logsLink={<a href="/x">logs</a>}
      />,
    );
    expect(screen.getByLabelText('Invocation result').textContent).toContain('Queued (HTTP 202)');
    expect(screen.getByRole('link', { name: 'logs' })).toBeTruthy();
  });
});

describe('EnvVars', () => {
  it('masks every value and reveals one at a time', () => {
    render(<EnvVars variables={{ A: 'one', B: 'two' }} />);
    expect(screen.queryByText('one')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Reveal A' }));
    expect(screen.getByText('one')).toBeTruthy();
    expect(screen.queryByText('two')).toBeNull();
  });
});
