// zod/mini: the same checks at a third of the size, since the sign-in page loads this file.
import * as z from 'zod/mini';

const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const region = z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'must be a region name such as us-east-1'));
const required = (message = 'required') => z.string({ error: message }).check(z.minLength(1, message));

export const SERVICE_NAMES = ['s3', 'ec2', 'dynamodb', 'sqs', 'sts', 'cognitoIdentity', 'lambda', 'logs'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

const endpointSchema = z.union([url, z.partialRecord(z.enum(SERVICE_NAMES), url)]);

const signInSchema = z.object({
  authority: url,
  clientId: required(),
  scope: z._default(z.string().check(z.minLength(1)), 'openid email profile'),
  loginsKey: z.optional(z.string().check(z.minLength(1))),
});

const cognitoSchema = z.object({
  mode: z.literal('cognito'),
  identityPoolId: z
    .string({ error: 'required' })
    .check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d+:[0-9a-f-]+$/, 'must look like REGION:GUID')),
  signIn: z.optional(signInSchema),
});

const staticSchema = z.object({
  mode: z.literal('static'),
  accessKeyId: required(),
  secretAccessKey: required(),
  sessionToken: z.optional(z.string()),
});

export const configSchema = z
  .object({
    regions: z.array(region, { error: 'required' }).check(z.minLength(1, 'needs at least one region')),
    defaultRegion: z.optional(region),
    endpoint: z.optional(endpointSchema),
    auth: z.discriminatedUnion('mode', [cognitoSchema, staticSchema], {
      error: (issue) => (issue.input === undefined ? 'required' : 'mode must be "cognito" or "static"'),
    }),
    buckets: z._default(z.array(z.string().check(z.minLength(3), z.maxLength(63))), []),
    credentialsRefreshSeconds: z._default(z.int().check(z.gte(0), z.lte(3600)), 300),
  })
  .check(
    z.superRefine((cfg, ctx) => {
      if (cfg.defaultRegion && !cfg.regions.includes(cfg.defaultRegion))
        ctx.addIssue({
          code: 'custom',
          path: ['defaultRegion'],
          message: 'must be one of regions',
          input: cfg.defaultRegion,
        });
      if (cfg.auth.mode === 'static' && !allEndpointsLoopback(cfg.endpoint))
        ctx.addIssue({
          code: 'custom',
          path: ['auth'],
          message: 'static keys are refused unless every endpoint is loopback (localhost, 127.0.0.1, ::1)',
          input: cfg.auth,
        });
    }),
  );

export type ConsoleConfig = z.output<typeof configSchema> & { defaultRegion: string };
export type CognitoAuth = z.output<typeof cognitoSchema>;
export type SignInConfig = z.output<typeof signInSchema>;

export function isLoopback(href: string): boolean {
  const host = new URL(href).hostname;
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

function allEndpointsLoopback(endpoint: z.output<typeof endpointSchema> | undefined): boolean {
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
  const result = configSchema.safeParse(input);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((i) => `${i.path.length ? i.path.map(String).join('.') : 'config'}: ${i.message}`),
    );
  }
  const cfg = result.data;
  return { ...cfg, defaultRegion: cfg.defaultRegion ?? cfg.regions[0] ?? 'us-east-1' };
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
