import {
  consolePolicy,
  policyTemplate,
  wholeAccount,
  type ConsoleRole,
  type PolicyScope,
} from '../../infra/lib/policies.js';
import type { Statement } from '../auth/policy.js';
import type { RoleFile } from '../auth/roles.js';
import { ADMIN_ROLE_NAME, EMULATOR_ADMIN_ROLE_NAME, LAMBDA_DEMO_ROLE_NAME, READ_ONLY_ROLE_NAME } from './accounts.js';

/**
 * The console's roles are the repository's policy documents (infra/policies/), rendered for the whole
 * account, so the emulator's tests and the e2e run prove the policies a deployment runs.
 */
const EMULATOR_SCOPE: PolicyScope = { ...wholeAccount('aws', '*'), switchRoles: ['arn:aws:iam::*:role/*'] };

function consoleRole(roleName: string, role: ConsoleRole): RoleFile {
  return {
    RoleName: roleName,
    Description: policyTemplate(role).Description,
    PolicyDocument: consolePolicy(role, EMULATOR_SCOPE),
  };
}

/** The console's two roles, the static keys' role, and the seeded functions' execution role. */
export const SEEDED_ROLES: RoleFile[] = [
  consoleRole(ADMIN_ROLE_NAME, 'admin'),
  consoleRole(READ_ONLY_ROLE_NAME, 'viewer'),
  {
    RoleName: EMULATOR_ADMIN_ROLE_NAME,
    Description: 'Everything, for the AWS CLI, scripts and tests signed with the static keys; no console user gets it.',
    PolicyDocument: {
      Version: '2012-10-17',
      Statement: [{ Sid: 'Everything', Effect: 'Allow', Action: '*', Resource: '*' }],
    },
  },
  {
    RoleName: LAMBDA_DEMO_ROLE_NAME,
    Description: 'The seeded functions: read S3 objects, read DynamoDB items, read secrets, write their logs.',
    PolicyDocument: {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'ReadObjects', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: '*' },
        {
          Sid: 'ReadItems',
          Effect: 'Allow',
          Action: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:DescribeTable'],
          Resource: '*',
        },
        {
          Sid: 'ReadSecrets',
          Effect: 'Allow',
          Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
          Resource: '*',
        },
        {
          Sid: 'WriteLogs',
          Effect: 'Allow',
          Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: '*',
        },
      ],
    },
  },
];

/**
 * A service's demo grants for an existing data folder, replaced by the repository policy's statement of the
 * same Sid when it has one (so a folder made before Lambda existed gains least privilege, not lambda:*).
 */
export function seededGrants(roleName: string, statements: Statement[]): Statement[] {
  const seeded = SEEDED_ROLES.find((r) => r.RoleName === roleName)?.PolicyDocument.Statement;
  const list = Array.isArray(seeded) ? seeded : seeded ? [seeded] : [];
  return statements.map((s) => list.find((own) => own.Sid !== undefined && own.Sid === s.Sid) ?? s);
}
