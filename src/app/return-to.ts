const HOME = '/dashboard';

/**
 * Only a path of this origin: an open redirect through ?returnTo= would be a phishing aid, and React
 * Router crashes on an external one. Parsed as the browser will (it drops tab, CR and LF, so
 * `/\t/evil.example` is `//evil.example`), never matched as text.
 */
export function safeReturnTo(value: unknown, origin: string = window.location.origin): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return HOME;
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return HOME;
  }
  // A path that itself starts with // (from /.//host) is protocol-relative again once navigated to.
  if (url.origin !== origin || url.pathname.startsWith('//')) return HOME;
  if (url.pathname.startsWith('/signin') || url.pathname.startsWith('/auth/callback')) return HOME;
  return `${url.pathname}${url.search}${url.hash}`;
}
