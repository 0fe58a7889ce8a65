// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { FRAMED_MESSAGE, isFramed, refuseIfFramed } from './frame-guard';

describe('refuseIfFramed', () => {
  afterEach(() => document.body.replaceChildren());

  it('leaves a top-level page alone', () => {
    document.body.innerHTML = '<div id="root">app</div>';
    expect(isFramed(window)).toBe(false);
    expect(refuseIfFramed(window)).toBe(false);
    expect(document.getElementById('root')?.textContent).toBe('app');
  });

  it('replaces a framed page with a refusal and a link to open it in its own tab', () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const inner = frame.contentWindow as Window;
    inner.document.body.innerHTML = '<div id="root"><button>Terminate</button></div>';
    expect(isFramed(inner)).toBe(true);
    expect(refuseIfFramed(inner)).toBe(true);
    expect(inner.document.querySelector('button')).toBeNull();
    const alert = inner.document.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain(FRAMED_MESSAGE);
    expect(alert?.querySelector('a')?.getAttribute('target')).toBe('_blank');
  });
});
