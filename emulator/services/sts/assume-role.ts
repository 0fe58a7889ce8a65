import { AwsError } from '../../core/errors.js';
import type { Operation } from '../../core/operations.js';
import type { QueryParams } from '../../protocols/query-params.js';
import { roleArn as roleArnOf, roleId } from '../../auth/caller.js';
import type { CredentialStore } from '../../auth/credentials.js';
import type { RoleStore } from '../../auth/roles.js';
import { trustDecision } from '../../auth/trust.js';

export interface StsDeps {
  roles: RoleStore;
  credentials: CredentialStore;
  accountId: string;
}

const MIN_DURATION = 900;
const DEFAULT_DURATION = 3600;
const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

const validation = (member: string, value: string, constraint: string) =>
  new AwsError(
    'ValidationError',
    `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: ${constraint}`,
  );

function required(params: QueryParams, name: string, member: string): string {
  const value = params.get(name);
  if (value === undefined || value === '') throw validation(member, 'null', 'Member must not be null');
  return value;
}

function durationOf(params: QueryParams): number {
  const raw = params.get('DurationSeconds');
  if (raw === undefined) return DEFAULT_DURATION;
  if (!/^\d+$/.test(raw)) throw validation('durationSeconds', raw, 'Member must be an integer');
  const seconds = Number(raw);
  if (seconds < MIN_DURATION)
    throw validation('durationSeconds', raw, `Member must have value greater than or equal to ${MIN_DURATION}`);
  if (seconds > 43_200) throw validation('durationSeconds', raw, 'Member must have value less than or equal to 43200');
  return seconds;
}

/**
 * STS AssumeRole: the role's trust policy decides (Principal by role ARN, session ARN, account or "*",
 * conditions such as sts:ExternalId); a trust that names only the account also needs the caller's own
 * policy to allow sts:AssumeRole on the role, as on AWS. Session tags and transitive tag keys are
 * accepted and ignored. A role that does not exist is refused as AccessDenied, as on AWS.
 */
export function assumeRoleOperation(deps: StsDeps): Operation<null, QueryParams> {
  return {
    // No request-level identity check: the role's trust policy is the check, made in run.
    action: null,
    run(params, call) {
      const roleArn = required(params, 'RoleArn', 'roleArn');
      const sessionName = required(params, 'RoleSessionName', 'roleSessionName');
      if (!SESSION_NAME.test(sessionName))
        throw validation(
          'roleSessionName',
          sessionName,
          'Member must satisfy regular expression pattern: [\\w+=,.@-]* and have length between 2 and 64',
        );
      const duration = durationOf(params);
      const externalId = params.get('ExternalId');
      const denied = () =>
        new AwsError(
          'AccessDenied',
          `User: ${call.caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
          403,
        );
      if (call.caller.anonymous || !call.caller.roleName) throw denied();
      const parsed = ROLE_ARN.exec(roleArn);
      if (!parsed) throw validation('roleArn', roleArn, 'Member must be the ARN of an IAM role');
      const [, account, roleName = ''] = parsed;
      const role = account === deps.accountId ? deps.roles.trustOf(roleName) : null;
      if (!role) throw denied();
      const decision = trustDecision(
        role.trust,
        {
          sessionArn: call.caller.arn,
          roleArn: roleArnOf(call.caller.accountId, call.caller.roleName),
          accountId: call.caller.accountId,
        },
        roleArn,
        externalId === undefined ? {} : { 'sts:ExternalId': externalId },
      );
      if (decision === 'refused') throw denied();
      if (decision === 'account' && !call.isAllowed('sts:AssumeRole', roleArn)) throw denied();
      if (duration > role.maxSessionDuration)
        throw new AwsError(
          'ValidationError',
          'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
        );
      const issued = deps.credentials.issue(roleName, sessionName, null, duration);
      return {
        Credentials: {
          AccessKeyId: issued.AccessKeyId,
          SecretAccessKey: issued.SecretKey,
          SessionToken: issued.SessionToken,
          Expiration: new Date(issued.expiresAt).toISOString(),
        },
        AssumedRoleUser: {
          AssumedRoleId: `${roleId(roleName)}:${sessionName}`,
          Arn: `arn:aws:sts::${deps.accountId}:assumed-role/${roleName}/${sessionName}`,
        },
        PackedPolicySize: 0,
      };
    },
  };
}
