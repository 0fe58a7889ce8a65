/** Only same-origin paths: an open redirect through ?returnTo= would be a phishing aid. */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return '/dashboard';
  if (value.startsWith('/signin') || value.startsWith('/auth/callback')) return '/dashboard';
  return value;
}
