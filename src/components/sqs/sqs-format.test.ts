import { describe, expect, it } from 'vitest';
import { formatClock } from './countdown';
import { formatDuration } from './duration';
import { attributeSummary, bodyPreview, prettyBody } from './message-view';

describe('queue and message formatting', () => {
  it('shows time left as a clock and durations in words', () => {
    expect(formatClock(75)).toBe('1:15');
    expect(formatClock(0.2)).toBe('0:01');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatDuration(345_600)).toBe('4 days');
    expect(formatDuration(90)).toBe('1 min 30 s');
    expect(formatDuration(1_209_600)).toBe('14 days');
    expect(formatDuration(0)).toBe('0 s');
  });

  it('pretty-prints JSON bodies keeping big numbers exact, and leaves text alone', () => {
    expect(prettyBody('{"id":12345678901234567890,"a":[1]}')).toEqual({
      text: '{\n  "id": 12345678901234567890,\n  "a": [\n    1\n  ]\n}',
      isJson: true,
    });
    expect(prettyBody('plain {text')).toEqual({ text: 'plain {text', isJson: false });
    expect(prettyBody('42')).toEqual({ text: '42', isJson: false });
    expect(bodyPreview('{\n  "a": 1\n}')).toBe('{ "a": 1 }');
    expect(attributeSummary({ Kind: { type: 'String', value: 'x' }, N: { type: 'Number', value: '2' } })).toBe(
      'Kind=x, N=2',
    );
  });
});
