// Lambda: cold start, warm Invoke round trip of an echo function, and invocations per second with 8 callers.
import {
  CreateFunctionCommand,
  GetFunctionConfigurationCommand,
  InvokeCommand,
  LambdaClient,
} from '@aws-sdk/client-lambda';
import { zipOf } from '../emulator/seed/lambda.js';

interface ClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

const ECHO = `export const handler = async (event) => event;`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function create(lambda: LambdaClient, name: string): Promise<void> {
  await lambda.send(
    new CreateFunctionCommand({
      FunctionName: name,
      Runtime: 'nodejs22.x',
      Role: 'arn:aws:iam::123456789012:role/ConsoleAdmin',
      Handler: 'index.handler',
      Code: { ZipFile: zipOf({ 'index.mjs': ECHO }) },
    }),
  );
  for (;;) {
    const c = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: name }));
    if (c.State === 'Active') return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export async function benchLambda(clientConfig: ClientConfig): Promise<Record<string, number>> {
  const lambda = new LambdaClient(clientConfig);
  const payload = Buffer.from('{"hello":"world"}');
  const invoke = (FunctionName: string) => lambda.send(new InvokeCommand({ FunctionName, Payload: payload }));
  try {
    // Cold start: the first call of a new function starts its process.
    const cold: number[] = [];
    for (let i = 0; i < 5; i++) {
      await create(lambda, `bench-cold-${i}`);
      cold.push(await timed(() => invoke(`bench-cold-${i}`)));
    }
    await create(lambda, 'bench-echo');
    for (let i = 0; i < 20; i++) await invoke('bench-echo');
    const warm: number[] = [];
    for (let i = 0; i < 200; i++) warm.push(await timed(() => invoke('bench-echo')));
    // 8 concurrent callers: up to 8 warm instances of one function.
    await Promise.all(Array.from({ length: 8 }, () => invoke('bench-echo')));
    let done = 0;
    const started = performance.now();
    const end = started + 3000;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (performance.now() < end) {
          await invoke('bench-echo');
          done++;
        }
      }),
    );
    return {
      'Lambda cold start, first Invoke round trip (median of 5, ms)': Math.round(median(cold) * 10) / 10,
      'Lambda warm echo Invoke round trip (median, ms)': Math.round(median(warm) * 100) / 100,
      'Lambda warm echo invocations/s (8 concurrent callers)': Math.round(
        done / ((performance.now() - started) / 1000),
      ),
    };
  } finally {
    lambda.destroy();
  }
}
