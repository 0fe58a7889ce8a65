import type { ServiceFactory } from '../core/types.js';
import { createS3Service } from './s3/index.js';
import { createSqsService } from './sqs/index.js';
import { createEc2Service } from './ec2/index.js';
import { createDynamoDbService } from './dynamodb/index.js';
import { createLambdaService } from './lambda/index.js';
import { createLogsService } from './logs/index.js';
import { createSecretsManagerService } from './secretsmanager/index.js';

/** The AWS services the emulator speaks, by signing name. Security adds Cognito and STS. */
export const SERVICE_FACTORIES: Record<string, ServiceFactory> = {
  s3: createS3Service,
  sqs: createSqsService,
  ec2: createEc2Service,
  dynamodb: createDynamoDbService,
  lambda: createLambdaService,
  logs: createLogsService,
  secretsmanager: createSecretsManagerService,
};
