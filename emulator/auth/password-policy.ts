import { AwsError } from '../core/errors.js';

/** A user pool's password policy, in Cognito's shape (DescribeUserPool's Policies.PasswordPolicy). */
export interface PasswordPolicy {
  MinimumLength: number;
  RequireUppercase: boolean;
  RequireLowercase: boolean;
  RequireNumbers: boolean;
  RequireSymbols: boolean;
  TemporaryPasswordValidityDays: number;
}

/** Cognito's default policy, which every emulated pool uses. */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
};

const SYMBOL = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/;

/** What the policy asks for, one line per rule, as the login page shows it. */
export function policyRules(policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY): string[] {
  const rules = [`At least ${policy.MinimumLength} characters`];
  if (policy.RequireUppercase) rules.push('An uppercase letter');
  if (policy.RequireLowercase) rules.push('A lowercase letter');
  if (policy.RequireNumbers) rules.push('A number');
  if (policy.RequireSymbols) rules.push('A symbol, such as - ! @ # or _');
  return rules;
}

/** Cognito's message for the first rule a password breaks, or null when it conforms. */
export function policyViolation(password: string, policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY): string | null {
  const prefix = 'Password did not conform with policy: ';
  if (password.length < policy.MinimumLength) return `${prefix}Password not long enough`;
  if (policy.RequireUppercase && !/[A-Z]/.test(password)) return `${prefix}Password must have uppercase characters`;
  if (policy.RequireLowercase && !/[a-z]/.test(password)) return `${prefix}Password must have lowercase characters`;
  if (policy.RequireNumbers && !/[0-9]/.test(password)) return `${prefix}Password must have numeric characters`;
  if (policy.RequireSymbols && !SYMBOL.test(password)) return `${prefix}Password must have symbol characters`;
  return null;
}

export function checkPasswordPolicy(password: string, policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY): void {
  const violation = policyViolation(password, policy);
  if (violation) throw new AwsError('InvalidPasswordException', violation);
}
