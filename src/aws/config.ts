// Checked by hand, not with a schema library: the sign-in page loads this file, and zod/mini alone was
// 10 KB gzip of its 120 KB budget. Every problem names its field ("auth.identityPoolId: required").

export const SERVICE_NAMES = [
  's3',
  'ec2',
  'dynamodb',
  'sqs',
  'sts',
  'cognitoIdentity',
  'secretsmanager',
  'lambda',
  'logs',
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export interface SignInConfig {
  authority: string;
  clientId: string;
  scope: string;
  loginsKey?: string | undefined;
}

export interface CognitoAuth {
  mode: 'cognito';
  identityPoolId: string;
  signIn?: SignInConfig | undefined;
}

export interface StaticAuth {
  mode: 'static';
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string | undefined;
}

/** One endpoint for every service, or one per service (the others go to AWS). */
export type EndpointConfig = string | Partial<Record<ServiceName, string>>;

export interface ConsoleConfig {
  regions: string[];
  defaultRegion: string;
  endpoint?: EndpointConfig | undefined;
  auth: CognitoAuth | StaticAuth;
  buckets: string[];
  credentialsRefreshSeconds: number;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const REGION_MESSAGE = 'must be a region name such as us-east-1';
const URL_MESSAGE = 'must be an http(s) URL';

/** Collects "path: message" problems while reading an unknown JSON value. */
class Reader {
  readonly problems: string[] = [];

  fail(path: string, message: string): undefined {
    this.problems.push(`${path || 'config'}: ${message}`);
    return undefined;
  }

  record(value: unknown, path: string): Record<string, unknown> | undefined {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    return this.fail(path, value === undefined ? 'required' : 'must be an object');
  }

  /** A non-empty string; `pattern` (with its message) when given. */
  text(value: unknown, path: string, pattern?: [RegExp, string]): string | undefined {
    if (typeof value !== 'string' || value === '')
      return this.fail(path, value === undefined || value === '' ? 'required' : 'must be a string');
    if (pattern && !pattern[0].test(value)) return this.fail(path, pattern[1]);
    return value;
  }

  optionalText(value: unknown, path: string, pattern?: [RegExp, string]): string | undefined {
    return value === undefined ? undefined : this.text(value, path, pattern);
  }

  url(value: unknown, path: string): string | undefined {
    if (typeof value !== 'string') return this.fail(path, value === undefined ? 'required' : URL_MESSAGE);
    try {
      if (/^https?:$/.test(new URL(value).protocol)) return value;
    } catch {
      /* not a URL: reported below */
    }
    return this.fail(path, URL_MESSAGE);
  }
}

function readEndpoint(r: Reader, value: unknown): EndpointConfig | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return r.url(value, 'endpoint');
  const map = r.record(value, 'endpoint');
  if (!map) return undefined;
  const out: Partial<Record<ServiceName, string>> = {};
  for (const [key, url] of Object.entries(map)) {
    const service = SERVICE_NAMES.find((s) => s === key);
    if (!service) r.fail(`endpoint.${key}`, `is not a service (${SERVICE_NAMES.join(', ')})`);
    else out[service] = r.url(url, `endpoint.${key}`);
  }
  return out;
}

function readSignIn(r: Reader, value: unknown): SignInConfig | undefined {
  const o = r.record(value, 'auth.signIn');
  if (!o) return undefined;
  const loginsKey = r.optionalText(o.loginsKey, 'auth.signIn.loginsKey');
  return {
    authority: r.url(o.authority, 'auth.signIn.authority') ?? '',
    clientId: r.text(o.clientId, 'auth.signIn.clientId') ?? '',
    scope: r.optionalText(o.scope, 'auth.signIn.scope') ?? 'openid email profile',
    ...(loginsKey ? { loginsKey } : {}),
  };
}

function readAuth(r: Reader, value: unknown): CognitoAuth | StaticAuth | undefined {
  const o = r.record(value, 'auth');
  if (!o) return undefined;
  if (o.mode === 'cognito') {
    const identityPoolId = r.text(o.identityPoolId, 'auth.identityPoolId', [
      /^[a-z]{2}(-[a-z]+)+-\d+:[0-9a-f-]+$/,
      'must look like REGION:GUID',
    ]);
    const signIn = o.signIn === undefined ? undefined : readSignIn(r, o.signIn);
    return { mode: 'cognito', identityPoolId: identityPoolId ?? '', ...(signIn ? { signIn } : {}) };
  }
  if (o.mode === 'static') {
    const sessionToken = o.sessionToken === undefined ? undefined : r.text(o.sessionToken, 'auth.sessionToken');
    return {
      mode: 'static',
      accessKeyId: r.text(o.accessKeyId, 'auth.accessKeyId') ?? '',
      secretAccessKey: r.text(o.secretAccessKey, 'auth.secretAccessKey') ?? '',
      ...(sessionToken ? { sessionToken } : {}),
    };
  }
  return r.fail('auth.mode', 'must be "cognito" or "static"');
}

function readConfig(r: Reader, input: unknown): ConsoleConfig | undefined {
  const o = r.record(input, '');
  if (!o) return undefined;
  let regions: string[] = [];
  if (!Array.isArray(o.regions)) r.fail('regions', o.regions === undefined ? 'required' : 'must be a list of regions');
  else if (o.regions.length === 0) r.fail('regions', 'needs at least one region');
  else regions = o.regions.map((v, i) => r.text(v, `regions.${i}`, [REGION, REGION_MESSAGE]) ?? '');
  const defaultRegion = r.optionalText(o.defaultRegion, 'defaultRegion', [REGION, REGION_MESSAGE]);
  const endpoint = readEndpoint(r, o.endpoint);
  const auth = readAuth(r, o.auth);
  let buckets: string[] = [];
  if (Array.isArray(o.buckets))
    buckets = o.buckets.map((b, i) =>
      typeof b === 'string' && b.length >= 3 && b.length <= 63
        ? b
        : (r.fail(`buckets.${i}`, 'must be a bucket name of 3 to 63 characters') ?? ''),
    );
  else if (o.buckets !== undefined) r.fail('buckets', 'must be a list of bucket names');
  const refresh = o.credentialsRefreshSeconds ?? 300;
  if (!Number.isInteger(refresh) || (refresh as number) < 0 || (refresh as number) > 3600)
    r.fail('credentialsRefreshSeconds', 'must be a whole number from 0 to 3600');
  if (r.problems.length > 0 || !auth) return undefined;
  // Cross-field rules only once every field is readable, so one mistake is not reported twice.
  if (defaultRegion && !regions.includes(defaultRegion)) r.fail('defaultRegion', 'must be one of regions');
  if (auth.mode === 'static' && !allEndpointsLoopback(endpoint))
    r.fail('auth', 'static keys are refused unless every endpoint is loopback (localhost, 127.0.0.1, ::1)');
  return {
    regions,
    defaultRegion: defaultRegion ?? regions[0] ?? 'us-east-1',
    ...(endpoint !== undefined ? { endpoint } : {}),
    auth,
    buckets,
    credentialsRefreshSeconds: refresh as number,
  };
}

export function isLoopback(href: string): boolean {
  const host = new URL(href).hostname;
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

function allEndpointsLoopback(endpoint: EndpointConfig | undefined): boolean {
  if (endpoint === undefined) return false;
  if (typeof endpoint === 'string') return isLoopback(endpoint);
  // Every service must be covered, or the missing ones would go to AWS with static keys.
  return SERVICE_NAMES.filter((s) => s !== 'cognitoIdentity').every((s) => {
    const e = endpoint[s];
    return e !== undefined && isLoopback(e);
  });
}

/** The endpoint for one service, or undefined for AWS's own. */
export function endpointFor(config: ConsoleConfig, service: ServiceName): string | undefined {
  const e = config.endpoint;
  if (e === undefined) return undefined;
  return typeof e === 'string' ? e : e[service];
}

/** As AWS does: the authority without its scheme (cognito-idp.REGION.amazonaws.com/POOL). */
export function loginsKeyOf(signIn: SignInConfig): string {
  return signIn.loginsKey ?? signIn.authority.replace(/^https?:\/\//, '').replace(/\/+$/, '');
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'ConfigError';
  }
}

/** Validate parsed JSON; throws ConfigError whose problems read "field.path: message". */
export function parseConfig(input: unknown): ConsoleConfig {
  const reader = new Reader();
  const config = readConfig(reader, input);
  if (!config || reader.problems.length > 0) throw new ConfigError(reader.problems);
  return config;
}

/** Fetch and validate /config.json; `started` is a fetch index.html already began. */
export async function loadConfig(fetchImpl: typeof fetch = fetch, started?: Promise<Response>): Promise<ConsoleConfig> {
  let res: Response;
  try {
    res = await (started ?? fetchImpl('/config.json', { cache: 'no-store' }));
  } catch (e) {
    throw new ConfigError([`config.json: could not be loaded (${(e as Error).message})`]);
  }
  if (!res.ok) throw new ConfigError([`config.json: could not be loaded (HTTP ${res.status})`]);
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    throw new ConfigError(['config.json: is not valid JSON']);
  }
  return parseConfig(json);
}
