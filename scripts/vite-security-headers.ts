import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Connect } from 'vite';
import { securityHeaders, type HeadersConfig, type HeadersOptions } from '../infra/lib/security-headers.js';

/** Used when the served config cannot be read or is invalid: the config error page needs nothing else. */
const FALLBACK: HeadersConfig = { regions: [], auth: { mode: 'static' } };

/** sha256 (base64) of each inline <script> in an HTML page: the dev server's React refresh preamble. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attributes = '', body = ''] = m;
    if (/\bsrc\s*=/i.test(attributes) || body.length === 0) continue;
    hashes.push(createHash('sha256').update(body, 'utf8').digest('base64'));
  }
  return hashes;
}

function headersFor(readConfig: () => string, options: HeadersOptions): Record<string, string> {
  try {
    return securityHeaders(JSON.parse(readConfig()) as HeadersConfig, options);
  } catch {
    return securityHeaders(FALLBACK, options);
  }
}

/**
 * Middleware that sends the production security headers, computed per request from the config being
 * served (tests rewrite it between page loads), so `npm run dev` and `vite preview` run under the same CSP.
 */
export function securityHeadersMiddleware(
  readConfig: () => string,
  devScriptHashes?: () => Promise<string[]>,
): Connect.NextHandleFunction {
  return (_req: IncomingMessage, res: ServerResponse, next: Connect.NextFunction) => {
    const send = (hashes: string[] | undefined) => {
      for (const [name, value] of Object.entries(headersFor(readConfig, { devScriptHashes: hashes })))
        res.setHeader(name, value);
      next();
    };
    if (!devScriptHashes) return send(undefined);
    devScriptHashes().then(send, () => send(undefined));
  };
}
