import { evaluate, type Statement } from './policy.js';

/** A statement of a role's trust policy (AssumeRolePolicyDocument): who may assume the role. */
export interface TrustStatement extends Statement {
  Principal?: '*' | { AWS?: string | string[] };
}

export interface TrustPolicy {
  Version?: string;
  Statement: TrustStatement | TrustStatement[];
}

/** Who asks to assume a role: the session's own ARN, its role's ARN and its account. */
export interface AssumingPrincipal {
  sessionArn: string;
  roleArn: string;
  accountId: string;
}

/**
 * 'named': a statement names the caller's role (or session) itself, which is enough in the same account;
 * 'account': only the caller's account (or anyone) is trusted, so the caller's own policy must allow
 * sts:AssumeRole on the role too, as on AWS; 'refused': no Allow matches, or a Deny does.
 */
export type TrustDecision = 'named' | 'account' | 'refused';

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function principalMatch(principal: TrustStatement['Principal'], who: AssumingPrincipal): 'named' | 'account' | null {
  if (principal === undefined) return null;
  if (principal === '*') return 'account';
  let match: 'named' | 'account' | null = null;
  for (const entry of list(principal.AWS)) {
    if (entry === who.roleArn || entry === who.sessionArn) return 'named';
    if (entry === '*' || entry === who.accountId || entry === `arn:aws:iam::${who.accountId}:root`) match = 'account';
  }
  return match;
}

/** The trust policy's answer for `who` assuming `roleArn`, with condition keys such as sts:ExternalId. */
export function trustDecision(
  trust: TrustPolicy | null,
  who: AssumingPrincipal,
  roleArn: string,
  context: Record<string, string>,
): TrustDecision {
  if (!trust) return 'refused';
  const statements = Array.isArray(trust.Statement) ? trust.Statement : [trust.Statement];
  const matched = statements.flatMap((s) => {
    const match = principalMatch(s.Principal, who);
    if (!match) return [];
    const { Principal: _principal, ...rest } = s;
    return [{ match, statement: rest }];
  });
  const decide = (entries: typeof matched) =>
    evaluate([{ Statement: entries.map((e) => e.statement) }], 'sts:AssumeRole', roleArn, context);
  const all = decide(matched);
  if (all !== 'allow') return 'refused';
  // Allowed by a statement naming the caller (Deny statements of any match still count).
  const named = decide(matched.filter((e) => e.match === 'named' || e.statement.Effect === 'Deny'));
  return named === 'allow' ? 'named' : 'account';
}

/** Throws a readable message when a role file's AssumeRolePolicyDocument is not a trust policy. */
export function assertTrustPolicy(value: unknown): asserts value is TrustPolicy {
  if (!value || typeof value !== 'object') throw new Error('AssumeRolePolicyDocument must be a JSON object');
  const statements = (value as { Statement?: unknown }).Statement;
  for (const s of Array.isArray(statements) ? statements : [statements]) {
    if (!s || typeof s !== 'object') throw new Error('every trust Statement must be an object');
    const st = s as Record<string, unknown>;
    if (st.Effect !== 'Allow' && st.Effect !== 'Deny') throw new Error('Effect must be "Allow" or "Deny"');
    const p = st.Principal;
    const principalOk =
      p === '*' ||
      (p !== null &&
        typeof p === 'object' &&
        !Array.isArray(p) &&
        Object.values(p).every(
          (v) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string')),
        ));
    if (!principalOk) throw new Error('Principal must be "*" or { "AWS": ARN or account id, or a list of them }');
  }
}
