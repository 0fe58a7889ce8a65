import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { S3Client } from '@aws-sdk/client-s3';
import { applyConsoleCors } from '../lib/apply-bucket-cors.js';
import { bucketCorsRule } from '../lib/bucket-cors.js';
import { fail, parseFlags } from './cli.js';

const USAGE = `npm run bucket-cors -- --region eu-west-1 [--stack-name AwsConsole] [--buckets a,b] [--metadata owner,team] [--dry-run]

Puts the console's CORS rule (origins: the deployment's domains) on each bucket, keeping the bucket's other
rules, and shows each bucket's rules before and after. --buckets defaults to the deployment's buckets;
--metadata exposes x-amz-meta-NAME headers to the details panel; --dry-run changes nothing.`;

async function stackOutputs(region: string, stackName: string): Promise<Record<string, string>> {
  const cfn = new CloudFormationClient({ region });
  const stack = (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks?.[0];
  return Object.fromEntries((stack?.Outputs ?? []).map((o) => [o.OutputKey ?? '', o.OutputValue ?? '']));
}

const list = (v: unknown) =>
  typeof v === 'string'
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  if (flags.help) return console.log(USAGE);
  const region = typeof flags.region === 'string' ? flags.region : (process.env.AWS_REGION ?? '');
  if (!region) fail(['--region: required (where the console stack is)', USAGE]);
  const stackName = typeof flags['stack-name'] === 'string' ? flags['stack-name'] : 'AwsConsole';
  const outputs = await stackOutputs(region, stackName);
  const origins = list(outputs.ConsoleOrigins);
  if (origins.length === 0)
    fail([`--stack-name: ${stackName} in ${region} has no ConsoleOrigins output; deploy it first`]);
  let buckets = list(flags.buckets);
  if (buckets.length === 0)
    buckets = (JSON.parse(outputs.ConsoleConfig ?? '{}') as { buckets?: string[] }).buckets ?? [];
  if (buckets.length === 0) fail(['--buckets: name the buckets (a,b): the deployment lists none']);
  const rule = bucketCorsRule(origins, list(flags.metadata));
  // Buckets live in any region: follow S3's redirect to each one's own.
  const s3 = new S3Client({ region, followRegionRedirects: true });
  await applyConsoleCors(s3, buckets, rule, { dryRun: flags['dry-run'] === true });
}

await main();
