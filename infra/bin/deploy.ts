import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { CognitoIdentityProviderClient, DeleteUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { deployOptions, type DeployOptions } from '../lib/deploy-options.js';
import { fail, parseFlags, reportOptionErrors, run } from './cli.js';

const USAGE = `npm run deploy  -- --region eu-west-1 --buckets a,b [--stack-name AwsConsole] [--domain console.example.com]
npm run synth   -- (the same flags): print the template, deploy nothing
npm run destroy -- --region eu-west-1 [--stack-name AwsConsole] [--destroy-user-pool]

  --regions a,b            regions in the console's switcher (default: --region)
  --buckets a,b            buckets the roles may use; --whole-account for every bucket, table, queue, ...
  --table-prefix p --queue-prefix p --function-prefix p --secret-prefix p    narrow the roles by name
  --admin-group admins --viewer-group viewers      Cognito groups mapped to the two roles
  --cognito-domain prefix  managed login at PREFIX.auth.REGION.amazoncognito.com (default STACK-ACCOUNT)
  --switch-roles arn,arn   roles in other accounts the console may switch to
  --skip-build             deploy the dist/ already built     --yes   no confirmation prompts`;

const root = fileURLToPath(new URL('../../', import.meta.url));
const cdkOut = fileURLToPath(new URL('../cdk.out/', import.meta.url));
const outputsFile = `${cdkOut}outputs.json`;

function cdk(command: string, flags: Record<string, unknown>, extra: string[] = []): void {
  const env = { ...process.env, CONSOLE_DEPLOY_OPTIONS: JSON.stringify(flags) };
  const app = `node --import tsx ${fileURLToPath(new URL('./app.ts', import.meta.url))}`;
  run('npx', ['--no-install', 'cdk', command, '--app', app, '--output', cdkOut, '--no-notices', ...extra], env);
}

function printNextSteps(o: DeployOptions): void {
  const all = JSON.parse(readFileSync(outputsFile, 'utf8')) as Record<string, Record<string, string>>;
  const out = all[o.stackName] ?? {};
  const pool = out.UserPoolId ?? 'POOL_ID';
  console.log(`
The console is at ${out.ConsoleUrl}

Add the first admin (an email with a temporary password is sent to them):
  aws cognito-idp admin-create-user --region ${o.region} --user-pool-id ${pool} --username alice \\
    --user-attributes Name=email,Value=alice@example.com Name=email_verified,Value=true
  aws cognito-idp admin-add-user-to-group --region ${o.region} --user-pool-id ${pool} --username alice --group-name ${o.adminGroup}
Viewers go in the group ${o.viewerGroup}. Someone in neither group is refused credentials.

Let the console browse your buckets (CORS for ${out.ConsoleOrigins}):
  npm run bucket-cors -- --region ${o.region} --stack-name ${o.stackName}${o.buckets.length ? '' : ' --buckets a,b'}`);
}

async function destroyUserPool(o: DeployOptions): Promise<() => Promise<void>> {
  const cfn = new CloudFormationClient({ region: o.region });
  const stack = (await cfn.send(new DescribeStacksCommand({ StackName: o.stackName }))).Stacks?.[0];
  const pool = stack?.Outputs?.find((x) => x.OutputKey === 'UserPoolId')?.OutputValue;
  if (!pool) fail([`--destroy-user-pool: stack ${o.stackName} has no UserPoolId output`]);
  return async () => {
    await new CognitoIdentityProviderClient({ region: o.region }).send(new DeleteUserPoolCommand({ UserPoolId: pool }));
    console.log(`Deleted the user pool ${pool} and its users.`);
  };
}

async function main(): Promise<void> {
  const [command = '', ...rest] = process.argv.slice(2);
  const flags = parseFlags(rest);
  if (flags.help || !['deploy', 'synth', 'destroy'].includes(command)) {
    console.log(USAGE);
    process.exit(flags.help ? 0 : 1);
  }
  // destroy needs only the stack's name and region: the rest cannot change what is removed.
  const forApp = command === 'destroy' ? { ...flags, 'whole-account': true } : flags;
  let options: DeployOptions;
  try {
    options = deployOptions(forApp);
  } catch (e) {
    reportOptionErrors(e);
  }
  const yes = flags.yes ? ['--require-approval', 'never'] : [];
  if (command === 'synth') return cdk('synth', forApp, ['--quiet=false']);
  if (command === 'destroy') {
    const deletePool = flags['destroy-user-pool'] ? await destroyUserPool(options) : undefined;
    cdk('destroy', forApp, flags.yes ? ['--force'] : []);
    if (deletePool) await deletePool();
    else console.log('The user pool and its users were kept (pass --destroy-user-pool to delete them).');
    return;
  }
  if (!flags['skip-build']) run('npm', ['run', 'build', '--prefix', root]);
  cdk('bootstrap', forApp);
  cdk('deploy', forApp, ['--outputs-file', outputsFile, ...yes]);
  printNextSteps(options);
}

await main();
