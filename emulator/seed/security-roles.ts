import { ADMIN_ROLE_NAME, LAMBDA_DEMO_ROLE_NAME, READ_ONLY_ROLE_NAME } from './accounts.js';
import type { RoleFile } from '../auth/roles.js';

/** The two seeded roles. Admins may also manage Cognito, so static keys can add users with the AWS CLI. */
export const SEEDED_ROLES: RoleFile[] = [
  {
    RoleName: ADMIN_ROLE_NAME,
    Description:
      'Everything on S3, EC2, DynamoDB, SQS, Lambda, Logs and Secrets Manager (and Cognito user/identity pool administration).',
    PolicyDocument: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AllOnConsoleServices',
          Effect: 'Allow',
          Action: ['s3:*', 'ec2:*', 'dynamodb:*', 'sqs:*', 'lambda:*', 'logs:*', 'secretsmanager:*'],
          Resource: '*',
        },
        { Sid: 'ManageSignIn', Effect: 'Allow', Action: ['cognito-idp:*', 'cognito-identity:*'], Resource: '*' },
        { Sid: 'WhoAmI', Effect: 'Allow', Action: 'sts:GetCallerIdentity', Resource: '*' },
      ],
    },
  },
  {
    RoleName: READ_ONLY_ROLE_NAME,
    Description: 'Describe, List, Get, Scan, Query and Receive only; never a secret value.',
    PolicyDocument: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'ReadOnly',
          Effect: 'Allow',
          Action: [
            's3:Get*',
            's3:List*',
            'ec2:Describe*',
            'dynamodb:Describe*',
            'dynamodb:List*',
            'dynamodb:Get*',
            'dynamodb:Scan',
            'dynamodb:Query',
            'dynamodb:BatchGetItem',
            'sqs:Get*',
            'sqs:List*',
            'sqs:ReceiveMessage',
            'lambda:List*',
            'lambda:Get*',
            'logs:Describe*',
            'logs:Get*',
            'logs:FilterLogEvents',
            'secretsmanager:List*',
            'secretsmanager:DescribeSecret',
            'secretsmanager:GetRandomPassword',
          ],
          Resource: '*',
        },
        { Sid: 'WhoAmI', Effect: 'Allow', Action: 'sts:GetCallerIdentity', Resource: '*' },
      ],
    },
  },
  {
    RoleName: LAMBDA_DEMO_ROLE_NAME,
    Description:
      'The seeded functions: read S3 objects, read DynamoDB items, read and rotate secrets, write their logs.',
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
          Sid: 'RotateSecrets',
          Effect: 'Allow',
          Action: ['secretsmanager:PutSecretValue', 'secretsmanager:UpdateSecretVersionStage'],
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
