/**
 * What an operator chooses for a deployment (`npm run deploy -- --region eu-west-1 --buckets a,b`),
 * validated with errors that name the option.
 */
export interface DeployOptions {
  /** Where the stack (user pool, identity pool) lives; the first console region. */
  region: string;
  /** Regions offered in the console's region switcher (default: `region`). */
  regions: string[];
  stackName: string;
  /** Buckets the console may browse; empty with `wholeAccount` for every bucket. */
  buckets: string[];
  /** Grant the roles every bucket, table, queue, function and secret of the account. */
  wholeAccount: boolean;
  tablePrefix: string;
  queuePrefix: string;
  functionPrefix: string;
  secretPrefix: string;
  /** Extra https origins that serve the console (custom domains), for sign-in callbacks and bucket CORS. */
  domains: string[];
  adminGroup: string;
  viewerGroup: string;
  /** The managed login's domain prefix (PREFIX.auth.REGION.amazoncognito.com); must be unique in the region. */
  cognitoDomainPrefix?: string;
  /** Role ARNs in other accounts the console may switch to (sts:AssumeRole). */
  switchRoles: string[];
  /** Delete the user pool (and its users) with the stack; by default it is kept. */
  destroyUserPool: boolean;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const STACK = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;
const GROUP = /^[\w+=,.@-]{1,128}$/;
const PREFIX = /^[\w+=,.@/-]*$/;
const DOMAIN_PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

export class DeployOptionsError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'DeployOptionsError';
  }
}

const list = (v: unknown): string[] =>
  (typeof v === 'string' ? v.split(',') : Array.isArray(v) ? v.map(String) : []).map((s) => s.trim()).filter(Boolean);

/** Options from parsed flags (strings, comma lists, booleans); throws DeployOptionsError naming each bad one. */
export function deployOptions(input: Record<string, unknown>): DeployOptions {
  const problems: string[] = [];
  const str = (name: string, fallback = ''): string =>
    typeof input[name] === 'string' ? String(input[name]) : fallback;
  const region = str('region', process.env.AWS_REGION ?? '');
  if (!REGION.test(region)) problems.push(`--region: "${region}" is not a region name such as eu-west-1 (required)`);
  const regions = list(input.regions);
  if (regions.length === 0) regions.push(region);
  else if (!regions.includes(region)) regions.unshift(region);
  for (const r of regions) if (!REGION.test(r)) problems.push(`--regions: "${r}" is not a region name`);
  const stackName = str('stack-name', 'AwsConsole');
  if (!STACK.test(stackName))
    problems.push(`--stack-name: "${stackName}" must start with a letter and hold letters, digits and -`);
  const buckets = list(input.buckets);
  for (const b of buckets) if (!BUCKET.test(b)) problems.push(`--buckets: "${b}" is not a bucket name`);
  const wholeAccount = input['whole-account'] === true;
  if (buckets.length === 0 && !wholeAccount)
    problems.push('--buckets: name the buckets the console may use (a,b), or pass --whole-account for every resource');
  const prefixes = Object.fromEntries(
    ['table-prefix', 'queue-prefix', 'function-prefix', 'secret-prefix'].map((name) => {
      const value = str(name);
      if (!PREFIX.test(value)) problems.push(`--${name}: "${value}" may hold only letters, digits and + = , . @ / - _`);
      return [name, value];
    }),
  );
  const domains = list(input.domain).map((d) => (/^https?:\/\//.test(d) ? d : `https://${d}`));
  for (const d of domains) {
    let url: URL | undefined;
    try {
      url = new URL(d);
    } catch {
      // reported below
    }
    if (!url || url.protocol !== 'https:' || url.pathname !== '/' || url.search)
      problems.push(`--domain: "${d}" must be an https origin such as https://console.example.com`);
  }
  const adminGroup = str('admin-group', 'admins');
  const viewerGroup = str('viewer-group', 'viewers');
  for (const [name, g] of [
    ['--admin-group', adminGroup],
    ['--viewer-group', viewerGroup],
  ] as const)
    if (!GROUP.test(g)) problems.push(`${name}: "${g}" is not a Cognito group name`);
  if (adminGroup === viewerGroup) problems.push('--viewer-group: must differ from --admin-group');
  const cognitoDomainPrefix = str('cognito-domain') || undefined;
  if (
    cognitoDomainPrefix !== undefined &&
    (!DOMAIN_PREFIX.test(cognitoDomainPrefix) || /aws|amazon|cognito/.test(cognitoDomainPrefix))
  )
    problems.push(
      `--cognito-domain: "${cognitoDomainPrefix}" must be lower-case letters, digits and -, without aws, amazon or cognito`,
    );
  const switchRoles = list(input['switch-roles']);
  for (const r of switchRoles) if (!ROLE_ARN.test(r)) problems.push(`--switch-roles: "${r}" is not an IAM role ARN`);
  if (problems.length > 0) throw new DeployOptionsError(problems);
  return {
    region,
    regions: [...new Set(regions)],
    stackName,
    buckets,
    wholeAccount,
    tablePrefix: prefixes['table-prefix'] ?? '',
    queuePrefix: prefixes['queue-prefix'] ?? '',
    functionPrefix: prefixes['function-prefix'] ?? '',
    secretPrefix: prefixes['secret-prefix'] ?? '',
    domains: domains.map((d) => new URL(d).origin),
    adminGroup,
    viewerGroup,
    cognitoDomainPrefix,
    switchRoles,
    destroyUserPool: input['destroy-user-pool'] === true,
  };
}
