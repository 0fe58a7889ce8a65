/**
 * The console's security headers, computed from its runtime config: one function for CloudFront's
 * response headers policy, `npm run dev` and `vite preview`, so every e2e test runs under production's CSP.
 * Pure: no I/O, no CDK, no Vite.
 */

/** The parts of the console's config.json that decide where the page may connect. */
export interface HeadersConfig {
  regions: readonly string[];
  /** One URL for every service, or one per service (emulator, LocalStack); absent for AWS. */
  endpoint?: string | Readonly<Record<string, string | undefined>>;
  auth:
    | { mode: 'cognito'; identityPoolId: string; signIn?: { authority: string } }
    | { mode: 'static'; [key: string]: unknown };
}

export interface HeadersOptions {
  /** Extra connect-src origins: the user pool's managed-login domain (its token endpoint), custom domains. */
  extraConnectSources?: readonly string[];
  /** Send HSTS (only meaningful over https; browsers ignore it on http). */
  https?: boolean;
  /** Inline scripts the Vite dev server injects (React refresh preamble), allowed by hash in dev only. */
  devScriptHashes?: readonly string[];
}

/** Services the console calls, by their endpoint prefix on AWS. */
export const CONSOLE_SERVICES = ['s3', 'ec2', 'dynamodb', 'sqs', 'sts', 'lambda', 'logs', 'secretsmanager'] as const;

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

function assertRegion(region: string, where: string): void {
  if (!REGION.test(region)) throw new Error(`${where}: "${region}" is not a region name such as us-east-1`);
}

/** A source expression for an endpoint: a loopback host on any port (local emulators move between ports). */
function sourceOf(href: string, where: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw new Error(`${where}: "${href}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`${where}: "${href}" must be http(s)`);
  return LOOPBACK.test(url.hostname) ? `${url.protocol}//${url.hostname}:*` : url.origin;
}

/** The AWS endpoints of every console service in `region` (S3 virtual-hosted names included). */
export function awsEndpointsFor(region: string): string[] {
  assertRegion(region, 'regions');
  const s3 = [`https://s3.${region}.amazonaws.com`, `https://*.s3.${region}.amazonaws.com`];
  // us-east-1 buckets are also reached at the global name (presigned links, older SDK defaults).
  if (region === 'us-east-1') s3.push('https://s3.amazonaws.com', 'https://*.s3.amazonaws.com');
  const others = CONSOLE_SERVICES.filter((s) => s !== 's3').map((s) => `https://${s}.${region}.amazonaws.com`);
  return [...s3, ...others];
}

/** Where the page may connect: each configured region's services, Cognito, custom endpoints. */
export function connectSources(config: HeadersConfig, options: HeadersOptions = {}): string[] {
  const sources = ["'self'"];
  const endpoint = config.endpoint;
  if (typeof endpoint === 'string') sources.push(sourceOf(endpoint, 'endpoint'));
  else {
    for (const [service, href] of Object.entries(endpoint ?? {}))
      if (href !== undefined) sources.push(sourceOf(href, `endpoint.${service}`));
    // Services without their own endpoint go to AWS.
    for (const region of config.regions) sources.push(...awsEndpointsFor(region));
  }
  if (config.auth.mode === 'cognito') {
    const poolRegion = config.auth.identityPoolId.split(':')[0] ?? '';
    assertRegion(poolRegion, 'auth.identityPoolId');
    if (typeof endpoint !== 'string') sources.push(`https://cognito-identity.${poolRegion}.amazonaws.com`);
    if (config.auth.signIn) sources.push(sourceOf(config.auth.signIn.authority, 'auth.signIn.authority'));
  }
  for (const extra of options.extraConnectSources ?? []) sources.push(sourceOf(extra, 'extraConnectSources'));
  return [...new Set(sources)];
}

/** Where S3 answers: image previews load presigned GET URLs from there. */
function s3Sources(config: HeadersConfig): string[] {
  const endpoint = config.endpoint;
  if (typeof endpoint === 'string') return [sourceOf(endpoint, 'endpoint')];
  if (endpoint?.s3 !== undefined) return [sourceOf(endpoint.s3, 'endpoint.s3')];
  return config.regions.flatMap((r) => awsEndpointsFor(r).filter((s) => /\/\/(\*\.)?s3\./.test(s)));
}

/** The Content-Security-Policy value. */
export function contentSecurityPolicy(config: HeadersConfig, options: HeadersOptions = {}): string {
  const hashes = (options.devScriptHashes ?? []).map((h) => `'sha256-${h}'`);
  const directives: Array<[string, string[]]> = [
    // Fonts, workers and the manifest fall back to default-src: CloudFront caps the header at 1,783 characters.
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...hashes]],
    // Radix's scroll lock and CodeMirror insert <style> elements; styles cannot run script.
    ['style-src', ["'self'", "'unsafe-inline'"]],
    // Previews are presigned S3 URLs; exports are blob: downloads.
    ['img-src', ["'self'", 'data:', 'blob:', ...s3Sources(config)]],
    ['connect-src', connectSources(config, options)],
    ['frame-src', ["'none'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

/** Every header the console is served with (names in canonical case). */
export function securityHeaders(config: HeadersConfig, options: HeadersOptions = {}): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(config, options),
    // Only the console's origin goes in a Referer, never its paths and queries (bucket names, prefixes,
    // filters): the local endpoint needs the origin to tell the console from another page.
    'Referrer-Policy': 'strict-origin',
    'X-Content-Type-Options': 'nosniff',
    // For browsers older than CSP's frame-ancestors.
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  if (options.https) headers['Strict-Transport-Security'] = 'max-age=63072000; includeSubDomains';
  return headers;
}
