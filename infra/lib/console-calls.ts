import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * The AWS actions the console's source can call, read from the code itself (every `new x.YyyCommand`,
 * lib-storage's Upload, presigned POST), so a new call without a policy entry fails a test.
 */

/** src/aws/<folder> -> IAM service prefix. */
const FOLDERS: Record<string, string> = {
  s3: 's3',
  ec2: 'ec2',
  dynamodb: 'dynamodb',
  sqs: 'sqs',
  sts: 'sts',
  lambda: 'lambda',
  logs: 'logs',
  secretsmanager: 'secretsmanager',
  secrets: 'secretsmanager',
};

/** Variable names the code gives an SDK module, for files outside src/aws/<service>/. */
const ALIASES: Record<string, string> = { ...FOLDERS, ddb: 'dynamodb', sm: 'secretsmanager', cwl: 'logs' };

/** Operations whose IAM action is not `service:Operation`. */
const ACTION_OF: Record<string, string> = {
  's3:ListBuckets': 's3:ListAllMyBuckets',
  's3:ListObjectsV2': 's3:ListBucket',
  's3:ListObjects': 's3:ListBucket',
  's3:HeadBucket': 's3:ListBucket',
  's3:HeadObject': 's3:GetObject',
  's3:CreateMultipartUpload': 's3:PutObject',
  's3:UploadPart': 's3:PutObject',
  's3:CompleteMultipartUpload': 's3:PutObject',
  's3:DeleteObjects': 's3:DeleteObject',
  's3:ListParts': 's3:ListMultipartUploadParts',
  's3:ListMultipartUploads': 's3:ListBucketMultipartUploads',
  's3:ListObjectVersions': 's3:ListBucketVersions',
  'lambda:Invoke': 'lambda:InvokeFunction',
  'lambda:InvokeAsync': 'lambda:InvokeFunction',
  'sqs:SendMessageBatch': 'sqs:SendMessage',
  'sqs:DeleteMessageBatch': 'sqs:DeleteMessage',
  'sqs:ChangeMessageVisibilityBatch': 'sqs:ChangeMessageVisibility',
};

export interface ConsoleCall {
  action: string;
  file: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** Every IAM action the console's source calls; throws naming a file whose service it cannot tell. */
export function consoleCalls(srcDir: string): ConsoleCall[] {
  const calls: ConsoleCall[] = [];
  for (const path of sourceFiles(srcDir)) {
    const file = relative(srcDir, path).split(sep).join('/');
    const text = readFileSync(path, 'utf8');
    const folder = /^aws\/([^/]+)\//.exec(file)?.[1];
    for (const m of text.matchAll(/new (\w+)\.(\w+)Command\b/g)) {
      const [, alias = '', operation = ''] = m;
      // The module's name says the service (a Lambda template reads S3 and SQS); else the folder.
      const service = ALIASES[alias] ?? (folder && FOLDERS[folder]);
      if (!service) throw new Error(`${file}: cannot tell which service "new ${alias}.${operation}Command" calls`);
      const name = `${service}:${operation}`;
      calls.push({ action: ACTION_OF[name] ?? name, file });
    }
    // lib-storage's Upload: PutObject or a multipart upload, aborted on failure.
    if (/new Upload\(/.test(text))
      calls.push({ action: 's3:PutObject', file }, { action: 's3:AbortMultipartUpload', file });
    if (/createPresignedPost\(/.test(text)) calls.push({ action: 's3:PutObject', file });
  }
  return calls;
}
