import type { IncomingMessage } from 'node:http';
import type { OriginPolicy } from './cors-origins.js';

/**
 * Who asked for a request: a tool or the user (no page), an allowed console origin, a page of the
 * emulator's own origin (its login page), or a page the emulator does not trust. An `<img>` or a link
 * carries no Origin, yet EC2 and SQS act on query-signed GETs: so the browser's own Sec-Fetch-Site,
 * then Origin, then Referer decide. Tools send none of these and are never refused.
 */
export type PageKind = 'none' | 'console' | 'own' | 'foreign';

export function pageKind(req: IncomingMessage, origins: OriginPolicy): PageKind {
  const site = header(req, 'sec-fetch-site');
  const origin = header(req, 'origin');
  const referer = header(req, 'referer');
  // Typed in the address bar, a bookmark: no page asked for it.
  if (site === 'none') return 'none';
  // Reached by a loopback name: a site rebinding its DNS name to 127.0.0.1 also looks same-origin.
  if (site === 'same-origin') return isLoopbackHost(req.headers.host) ? 'own' : 'foreign';
  const page = origin ?? referer;
  if (page !== undefined) return kindOf(page, req, origins);
  // cross-site or same-site with neither header (a no-referrer page): nobody vouches for it.
  return site === undefined ? 'none' : 'foreign';
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** An allowed console origin, or the emulator's own origin on a loopback name (browsers without Sec-Fetch-*). */
function kindOf(url: string, req: IncomingMessage, origins: OriginPolicy): PageKind {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'foreign'; // "null" (a sandboxed or opaque page) and anything unparsable
  }
  if (origins.allows(parsed.origin)) return 'console';
  return parsed.host === req.headers.host && isLoopbackHost(req.headers.host) ? 'own' : 'foreign';
}

/** localhost, *.localhost (S3 virtual hosts), 127.0.0.0/8 and [::1], with or without a port. */
function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d*$/, '');
  const lower = name.toLowerCase();
  return (
    lower === 'localhost' || lower.endsWith('.localhost') || lower === '[::1]' || /^127(\.\d{1,3}){3}$/.test(lower)
  );
}
