/** IAM-style policy evaluation: explicit Deny wins, then any Allow, else implicit deny. */

export interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
  Version?: string;
  Statement: Statement | Statement[];
}

export type Decision = 'allow' | 'deny' | 'implicit-deny';

const regexCache = new Map<string, RegExp>();

/** IAM wildcards: `*` any run of characters, `?` exactly one. */
export function wildcardMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  const key = `${ignoreCase ? 'i' : 's'}:${pattern}`;
  let re = regexCache.get(key);
  if (!re) {
    const body = pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    re = new RegExp(`^${body}$`, ignoreCase ? 'is' : 's');
    if (regexCache.size > 5000) regexCache.clear();
    regexCache.set(key, re);
  }
  return re.test(value);
}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function matchesAny(patterns: string[], value: string, ignoreCase: boolean): boolean {
  return patterns.some((p) => wildcardMatch(p, value, ignoreCase));
}

function conditionHolds(operator: string, key: string, expected: string[], context: Record<string, string>): boolean {
  const ifExists = operator.endsWith('IfExists');
  const op = ifExists ? operator.slice(0, -'IfExists'.length) : operator;
  const entry = Object.entries(context).find(([k]) => k.toLowerCase() === key.toLowerCase());
  const negated = op.startsWith('StringNot');
  if (!entry) return ifExists || negated;
  const actual = entry[1];
  const ignoreCase = op.endsWith('IgnoreCase');
  let hit: boolean;
  switch (op) {
    case 'StringEquals':
    case 'StringNotEquals':
      hit = expected.includes(actual);
      break;
    case 'StringEqualsIgnoreCase':
    case 'StringNotEqualsIgnoreCase':
      hit = expected.some((e) => e.toLowerCase() === actual.toLowerCase());
      break;
    case 'StringLike':
    case 'StringNotLike':
      hit = matchesAny(expected, actual, ignoreCase);
      break;
    default:
      // An operator we do not evaluate never grants (and never denies) anything.
      return false;
  }
  return negated ? !hit : hit;
}

function statementMatches(s: Statement, action: string, resource: string, context: Record<string, string>): boolean {
  const actionOk =
    s.NotAction !== undefined ? !matchesAny(list(s.NotAction), action, true) : matchesAny(list(s.Action), action, true);
  if (!actionOk) return false;
  const resourceOk =
    s.NotResource !== undefined
      ? !matchesAny(list(s.NotResource), resource, false)
      : s.Resource === undefined || matchesAny(list(s.Resource), resource, false);
  if (!resourceOk) return false;
  for (const [operator, keys] of Object.entries(s.Condition ?? {})) {
    for (const [key, values] of Object.entries(keys)) {
      if (!conditionHolds(operator, key, list(values), context)) return false;
    }
  }
  return true;
}

export function evaluate(
  policies: PolicyDocument[],
  action: string,
  resource: string,
  context: Record<string, string> = {},
): Decision {
  let allowed = false;
  for (const policy of policies) {
    for (const s of Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement]) {
      if (!statementMatches(s, action, resource, context)) continue;
      if (s.Effect === 'Deny') return 'deny';
      if (s.Effect === 'Allow') allowed = true;
    }
  }
  return allowed ? 'allow' : 'implicit-deny';
}

/** Throws a readable message when a parsed JSON value is not a policy document. */
export function assertPolicyDocument(value: unknown): asserts value is PolicyDocument {
  if (!value || typeof value !== 'object') throw new Error('a policy document must be a JSON object');
  const statements = (value as { Statement?: unknown }).Statement;
  const all = Array.isArray(statements) ? statements : [statements];
  for (const s of all) {
    if (!s || typeof s !== 'object') throw new Error('every Statement must be an object');
    const st = s as Record<string, unknown>;
    if (st.Effect !== 'Allow' && st.Effect !== 'Deny') throw new Error('Effect must be "Allow" or "Deny"');
    if (st.Action === undefined && st.NotAction === undefined) throw new Error('a Statement needs Action or NotAction');
    for (const k of ['Action', 'NotAction', 'Resource', 'NotResource']) {
      const v = st[k];
      if (v !== undefined && typeof v !== 'string' && !(Array.isArray(v) && v.every((x) => typeof x === 'string'))) {
        throw new Error(`${k} must be a string or a list of strings`);
      }
    }
  }
}
