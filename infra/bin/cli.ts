import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { DeployOptionsError } from '../lib/deploy-options.js';

/** Flags shared by deploy, synth, destroy and bucket-cors (values stay strings; deployOptions validates). */
export const FLAGS = {
  region: { type: 'string' },
  regions: { type: 'string' },
  'stack-name': { type: 'string' },
  buckets: { type: 'string' },
  'whole-account': { type: 'boolean' },
  'table-prefix': { type: 'string' },
  'queue-prefix': { type: 'string' },
  'function-prefix': { type: 'string' },
  'secret-prefix': { type: 'string' },
  domain: { type: 'string' },
  'admin-group': { type: 'string' },
  'viewer-group': { type: 'string' },
  'cognito-domain': { type: 'string' },
  'switch-roles': { type: 'string' },
  'destroy-user-pool': { type: 'boolean' },
  'skip-build': { type: 'boolean' },
  yes: { type: 'boolean' },
  metadata: { type: 'string' },
  'dry-run': { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

export function parseFlags(argv: string[]): Record<string, string | boolean | undefined> {
  try {
    return parseArgs({ args: argv, options: FLAGS, strict: true, allowPositionals: false }).values;
  } catch (e) {
    fail([(e as Error).message]);
  }
}

export function fail(problems: string[]): never {
  console.error(problems.map((p) => `error: ${p}`).join('\n'));
  process.exit(1);
}

/** Run a command with the terminal attached; exits with its status when it fails. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.error) fail([`${command}: ${result.error.message}`]);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

export function reportOptionErrors(e: unknown): never {
  if (e instanceof DeployOptionsError) fail(e.problems);
  throw e;
}
