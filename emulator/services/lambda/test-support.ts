import {
  CreateFunctionCommand,
  GetFunctionConfigurationCommand,
  LambdaClient,
  type CreateFunctionCommandInput,
} from '@aws-sdk/client-lambda';
import { zipOf } from '../../seed/lambda.js';
import type { TestEmulator } from '../../testing.js';
import { EMULATOR_ADMIN_ROLE_NAME } from '../../seed/accounts.js';

export function lambdaClient(emu: TestEmulator, credentials = emu.credentials): LambdaClient {
  return new LambdaClient({ ...emu.clientConfig, credentials });
}

export const roleArn = (emu: TestEmulator, role = EMULATOR_ADMIN_ROLE_NAME) =>
  `arn:aws:iam::${emu.accountId}:role/${role}`;

/** Create a one-file function and wait until it is Active. */
export async function createFunction(
  lambda: LambdaClient,
  emu: TestEmulator,
  name: string,
  code: string,
  extra: Partial<CreateFunctionCommandInput> & { file?: string } = {},
): Promise<void> {
  const { file = 'index.mjs', ...rest } = extra;
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: 'nodejs20.x',
      Role: roleArn(emu),
      Handler: 'index.handler',
      Code: { ZipFile: zipOf({ [file]: code }) },
      Timeout: 5,
      ...rest,
    }),
  );
  await waitActive(lambda, name);
}

export async function waitActive(lambda: LambdaClient, name: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const c = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }));
    if (c.State === 'Active' && c.LastUpdateStatus === 'Successful') return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${name} never became Active`);
}

export const decode = (payload: Uint8Array | undefined): unknown =>
  JSON.parse(Buffer.from(payload ?? []).toString('utf8'));
