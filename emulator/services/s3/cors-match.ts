import type { CorsGrant, CorsRequest } from '../../core/cors-origins.js';
import type { CorsRule } from './bucket-cors.js';

/** An AllowedOrigin / AllowedHeader pattern: at most one `*`, which matches any run of characters. */
function patternMatches(pattern: string, value: string, ignoreCase: boolean): boolean {
  const p = ignoreCase ? pattern.toLowerCase() : pattern;
  const v = ignoreCase ? value.toLowerCase() : value;
  const star = p.indexOf('*');
  if (star < 0) return p === v;
  const head = p.slice(0, star);
  const tail = p.slice(star + 1);
  return v.length >= head.length + tail.length && v.startsWith(head) && v.endsWith(tail);
}

/**
 * The first rule of a bucket's CORS configuration that allows the request, as S3 evaluates them: the
 * origin matches an AllowedOrigin, the method is an AllowedMethod, and every header a preflight asks
 * for matches an AllowedHeader.
 */
export function matchCorsRules(rules: readonly CorsRule[], request: CorsRequest): CorsGrant | null {
  for (const rule of rules) {
    if (!rule.AllowedOrigin.some((o) => patternMatches(o, request.origin, false))) continue;
    if (!rule.AllowedMethod.includes(request.method)) continue;
    if (!request.headers.every((h) => rule.AllowedHeader.some((a) => patternMatches(a, h, true)))) continue;
    const grant: CorsGrant = {
      allowOrigin: rule.AllowedOrigin.includes('*') ? '*' : request.origin,
      allowMethods: rule.AllowedMethod,
      allowHeaders: request.headers,
      exposeHeaders: rule.ExposeHeader,
    };
    if (rule.MaxAgeSeconds !== undefined) grant.maxAgeSeconds = rule.MaxAgeSeconds;
    return grant;
  }
  return null;
}
