import type { JWTPayload } from 'jose';
import { AwsError } from '../../core/errors.js';
import type { MappingRule, PoolRoles } from './pools-store.js';

function claimValues(payload: JWTPayload, claim: string): string[] {
  const v = payload[claim];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  if (typeof v === 'string') return [v];
  if (typeof v === 'number' || typeof v === 'boolean') return [String(v)];
  return [];
}

function ruleMatches(rule: MappingRule, payload: JWTPayload): boolean {
  const values = claimValues(payload, rule.Claim);
  switch (rule.MatchType) {
    case 'Equals':
      return values.includes(rule.Value);
    case 'Contains':
      return values.some((v) => v.includes(rule.Value));
    case 'StartsWith':
      return values.some((v) => v.startsWith(rule.Value));
    case 'NotEqual':
      return values.length > 0 && !values.includes(rule.Value);
    default:
      return false;
  }
}

/**
 * The role for a signed-in identity, as identity pools pick it: the provider's role mapping (Token:
 * cognito:preferred_role / cognito:roles; Rules: first matching rule), else AmbiguousRoleResolution.
 */
export function resolveRole(roles: PoolRoles, providerKey: string, payload: JWTPayload, customRoleArn: string | undefined): string {
  const authenticated = roles.Roles?.authenticated;
  const mapping = roles.RoleMappings?.[providerKey];
  const ambiguous = (): string => {
    if (mapping?.AmbiguousRoleResolution === 'AuthenticatedRole' && authenticated) return authenticated;
    throw new AwsError('AccessDeniedException', 'The role mapping of this identity pool gives this user no role.');
  };
  if (!mapping) {
    if (!authenticated) throw new AwsError('InvalidIdentityPoolConfigurationException', 'Invalid identity pool configuration. Check assigned IAM roles for this pool.');
    return authenticated;
  }
  if (mapping.Type === 'Token') {
    const tokenRoles = claimValues(payload, 'cognito:roles');
    if (customRoleArn) {
      if (tokenRoles.includes(customRoleArn)) return customRoleArn;
      throw new AwsError('AccessDeniedException', 'The CustomRoleArn is not one of the roles in the token.');
    }
    const preferred = claimValues(payload, 'cognito:preferred_role')[0];
    if (preferred) return preferred;
    if (tokenRoles.length === 1 && tokenRoles[0]) return tokenRoles[0];
    return ambiguous();
  }
  for (const rule of mapping.RulesConfiguration?.Rules ?? []) {
    if (ruleMatches(rule, payload)) return rule.RoleARN;
  }
  return ambiguous();
}
