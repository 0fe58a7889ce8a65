/**
 * Which web origins may drive the emulator from a browser. The test keys and the demo passwords are well
 * known, so echoing every Origin would let any page a developer visits sign in and change data.
 */

/** The Vite dev and preview servers' origins, in both loopback spellings. */
export const DEFAULT_CONSOLE_ORIGINS: readonly string[] = [
  'http://localhost:5173',
  'http://127.0.0.1:5173',
  'http://localhost:4173',
  'http://127.0.0.1:4173',
];

/** An origin in the form browsers send it: scheme://host[:port], lower case, no default port, no slash. */
export function normalizeOrigin(origin: string): string | null {
  if (origin === '*') return '*';
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

export class OriginPolicy {
  private readonly origins: Set<string>;
  readonly allowsAny: boolean;

  constructor(origins: Iterable<string>) {
    this.origins = new Set();
    for (const o of origins) {
      const n = normalizeOrigin(o);
      if (!n) throw new Error(`not an origin (scheme://host[:port]): "${o}"`);
      this.origins.add(n);
    }
    this.allowsAny = this.origins.has('*');
  }

  /** Whether a browser page at `origin` may call the emulator (the literal "null" origin never is, unless `*`). */
  allows(origin: string): boolean {
    if (this.allowsAny) return true;
    const n = normalizeOrigin(origin);
    return n !== null && this.origins.has(n);
  }

  list(): string[] {
    return [...this.origins];
  }
}

/** A browser request as CORS sees it: a preflight names the method and headers of the request to come. */
export interface CorsRequest {
  origin: string;
  method: string;
  /** Lower-case header names a preflight asks for (Access-Control-Request-Headers); empty otherwise. */
  headers: string[];
}

/** What a resource's own CORS rule grants (S3's bucket CORS), written as response headers. */
export interface CorsGrant {
  allowOrigin: string;
  allowMethods: string[];
  allowHeaders: string[];
  exposeHeaders: string[];
  maxAgeSeconds?: number;
}

/** The header names of an Access-Control-Request-Headers value, lower case. */
export function requestedHeaders(value: string | string[] | undefined): string[] {
  const text = Array.isArray(value) ? value.join(',') : (value ?? '');
  return text
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
}
