import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { ConsoleStack } from '../lib/console-stack.js';
import { deployOptions } from '../lib/deploy-options.js';

// The CDK app run by `cdk` (see bin/deploy.ts): options arrive as the JSON of the operator's flags.
const raw = process.env.CONSOLE_DEPLOY_OPTIONS;
if (!raw)
  throw new Error('CONSOLE_DEPLOY_OPTIONS is not set: run `npm run deploy -- --region …` (infra/bin/deploy.ts)');
const options = deployOptions(JSON.parse(raw) as Record<string, unknown>);
const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

const app = new App();
new ConsoleStack(app, options.stackName, {
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: options.region },
  description: 'A browser-only AWS console: hosting, sign-in, identity pool and least-privilege roles',
  options,
  siteDir: existsSync(`${dist}index.html`) ? dist : undefined,
});
app.synth();
