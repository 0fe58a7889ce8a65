import type { JWTPayload } from 'jose';
import { AwsError } from '../../core/errors.js';
import type { MappingRule, PoolRoles, RoleMapping } from './pools-store.js';

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
export function resolveRole(
  roles: PoolRoles,
  providerKey: string,
  payload: JWTPayload,
  customRoleArn: string | undefined,
): string {
  const authenticated = roles.Roles?.authenticated;
  const mapping = roles.RoleMappings?.[providerKey];
  const ambiguous = (): string => {
    if (mapping?.AmbiguousRoleResolution === 'AuthenticatedRole' && authenticated) return authenticated;
    throw new AwsError(
      'NotAuthorizedException',
      'The ambiguous role mapping of this identity pool denies this user (no rule matched).',
    );
  };
  if (!mapping) {
    if (!authenticated)
      throw new AwsError(
        'InvalidIdentityPoolConfigurationException',
        'Invalid identity pool configuration. Check assigned IAM roles for this pool.',
      );
    return authenticated;
  }
  if (mapping.Type === 'Token') {
    const tokenRoles = claimValues(payload, 'cognito:roles');
    if (customRoleArn) {
      if (tokenRoles.includes(customRoleArn)) return customRoleArn;
      throw new AwsError('NotAuthorizedException', 'The CustomRoleArn is not one of the roles in the token.');
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

const MATCH_TYPES = new Set(['Equals', 'Contains', 'StartsWith', 'NotEqual']);

/** Validate SetIdentityPoolRoles' RoleMappings, so a bad mapping is refused when set, not when used. */
export function checkRoleMappings(value: unknown): Record<string, RoleMapping> | undefined {
  if (value === undefined || value === null) return undefined;
  const bad = (why: string) => new AwsError('InvalidParameterException', `RoleMappings: ${why}`);
  if (typeof value !== 'object' || Array.isArray(value)) throw bad('must be a map of provider name to mapping');
  for (const [provider, m] of Object.entries(value as Record<string, unknown>)) {
    const mapping = m as Partial<RoleMapping> | null;
    if (!mapping || typeof mapping !== 'object') throw bad(`${provider} must be an object`);
    if (mapping.Type !== 'Token' && mapping.Type !== 'Rules') throw bad(`${provider}.Type must be Token or Rules`);
    if (
      mapping.AmbiguousRoleResolution !== undefined &&
      mapping.AmbiguousRoleResolution !== 'AuthenticatedRole' &&
      mapping.AmbiguousRoleResolution !== 'Deny'
    ) {
      throw bad(`${provider}.AmbiguousRoleResolution must be AuthenticatedRole or Deny`);
    }
    if (mapping.Type === 'Rules') {
      const rules = mapping.RulesConfiguration?.Rules;
      if (!Array.isArray(rules) || rules.length === 0)
        throw bad(`${provider}.RulesConfiguration.Rules must be a non-empty list`);
      for (const r of rules as unknown[]) {
        const rule = r as Partial<MappingRule> | null;
        if (
          !rule ||
          typeof rule.Claim !== 'string' ||
          typeof rule.Value !== 'string' ||
          typeof rule.RoleARN !== 'string' ||
          !MATCH_TYPES.has(String(rule.MatchType))
        ) {
          throw bad('every rule needs Claim, MatchType (Equals, Contains, StartsWith, NotEqual), Value and RoleARN');
        }
      }
    }
  }
  return value as Record<string, RoleMapping>;
}
