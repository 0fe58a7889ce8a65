/**
 * The console refuses to run inside a frame. Its CSP says frame-ancestors 'none', but a host or proxy that
 * strips headers would let another page frame it with its buttons live (clickjacking): check at start-up too.
 */
export function isFramed(win: Window): boolean {
  try {
    return win.top !== win.self;
  } catch {
    // Reading a cross-origin top can throw in some browsers: that is a frame too.
    return true;
  }
}

export const FRAMED_MESSAGE = 'This console refuses to run inside a frame. Open it in its own tab: ';

/** Replace the page with a refusal naming the console's own address, when framed; true if it did. */
export function refuseIfFramed(win: Window): boolean {
  if (!isFramed(win)) return false;
  const doc = win.document;
  const main = doc.createElement('main');
  main.setAttribute('role', 'alert');
  main.style.padding = '24px';
  main.append(FRAMED_MESSAGE);
  const link = doc.createElement('a');
  link.href = win.location.href;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  link.textContent = win.location.origin;
  main.append(link);
  doc.body.replaceChildren(main);
  return true;
}
