// The emulator's Lambda bootstrap: one per function process. It loads the handler, then asks the
// emulator's Runtime API for invocations, one at a time, as AWS's runtime interface client does.
import http from 'node:http';
import { register } from 'node:module';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';

const env = process.env;
const [apiHost, apiPort] = (env.AWS_LAMBDA_RUNTIME_API ?? '').split(':');
const token = env._EMULATOR_RUNTIME_TOKEN ?? '';
delete env._EMULATOR_RUNTIME_TOKEN;
const BASE = '/2018-06-01/runtime';

if (env._EMULATOR_NODE_MODULES_PARENT) {
  register('./resolve-hooks.mjs', import.meta.url, {
    data: { fallbackParent: pathToFileURL(join(env._EMULATOR_NODE_MODULES_PARENT, 'noop.js')).href },
  });
}

let requestId;
// console.* as in AWS's runtime: timestamp, request id, level, message; newlines kept inside one event.
for (const [method, level] of [
  ['log', 'INFO'],
  ['info', 'INFO'],
  ['warn', 'WARN'],
  ['error', 'ERROR'],
  ['debug', 'DEBUG'],
  ['trace', 'TRACE'],
]) {
  console[method] = (...args) => {
    process.stdout.write(
      `${new Date().toISOString()}\t${requestId ?? 'undefined'}\t${level}\t${format(...args).replace(/\n/g, '\r')}\n`,
    );
  };
}

function call(method, path, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(body);
    const req = http.request(
      {
        host: apiHost,
        port: Number(apiPort),
        method,
        path: BASE + path,
        headers: {
          'x-emulator-runtime-token': token,
          ...(payload ? { 'content-length': payload.length } : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function errorOf(e) {
  if (e instanceof Error) {
    return { errorType: e.name || 'Error', errorMessage: e.message, trace: (e.stack ?? '').split('\n') };
  }
  return { errorType: typeof e, errorMessage: typeof e === 'string' ? e : format(e), trace: [] };
}

const usage = () => ({ 'x-emulator-max-rss-kb': String(process.resourceUsage().maxRSS) });

/** Write the marker that tells the emulator every log line of this invocation is out. */
const flushMarker = (id) => process.stdout.write(`\u0000END ${id}\n`);

async function postError(path, e, id) {
  const err = errorOf(e);
  console.error(
    `${err.errorType}: ${err.errorMessage}`.replace(/\n/g, '\r') +
      (err.trace.length ? `\r${err.trace.slice(1).join('\r')}` : ''),
  );
  if (id) flushMarker(id);
  await call('POST', path, JSON.stringify(err), { 'lambda-runtime-function-error-type': err.errorType, ...usage() });
}

async function loadHandler() {
  const handlerSpec = env._HANDLER ?? '';
  const dot = handlerSpec.lastIndexOf('.');
  if (dot <= 0)
    throw Object.assign(new Error(`Bad handler ${handlerSpec}: expected FILE.EXPORT`), {
      name: 'Runtime.MalformedHandlerName',
    });
  const modulePath = handlerSpec.slice(0, dot);
  const exportName = handlerSpec.slice(dot + 1);
  const root = env.LAMBDA_TASK_ROOT ?? process.cwd();
  const file = ['.js', '.mjs', '.cjs'].map((ext) => join(root, modulePath + ext)).find((f) => existsSync(f));
  if (!file)
    throw Object.assign(new Error(`Cannot find module '${modulePath}'`), { name: 'Runtime.ImportModuleError' });
  let mod;
  try {
    mod = await import(pathToFileURL(file).href);
  } catch (e) {
    if (e instanceof Error && (e.code === 'ERR_MODULE_NOT_FOUND' || e.code === 'MODULE_NOT_FOUND'))
      e.name = 'Runtime.ImportModuleError';
    throw e;
  }
  const handler = mod[exportName] ?? mod.default?.[exportName];
  if (typeof handler !== 'function') {
    throw Object.assign(new Error(`${modulePath}.${exportName} is undefined or not exported`), {
      name: 'Runtime.HandlerNotFound',
    });
  }
  return handler;
}

/** Async handlers resolve; callback handlers call back; the first answer wins. */
function runHandler(handler, event, context) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const callback = (err, result) => {
      if (settled) return;
      settled = true;
      if (err !== undefined && err !== null) reject(err);
      else resolve(result);
    };
    context.done = callback;
    context.succeed = (result) => callback(null, result);
    context.fail = (err) => callback(err ?? 'handled');
    try {
      const returned = handler(event, context, callback);
      if (returned && typeof returned.then === 'function')
        returned.then(
          (r) => callback(null, r),
          (e) => callback(e),
        );
    } catch (e) {
      callback(e);
    }
  });
}

function parseClientContext(text) {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

// stdin is a pipe from the emulator: when it closes, the emulator is gone (even after a kill -9), so go too.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();

let handler;
try {
  handler = await loadHandler();
} catch (e) {
  await postError('/init/error', e);
  process.exit(1);
}

process.on('uncaughtException', (e) => {
  postError(`/invocation/${requestId}/error`, e, requestId).finally(() => process.exit(1));
});
process.on('unhandledRejection', (e) => {
  postError(`/invocation/${requestId}/error`, e, requestId).finally(() => process.exit(1));
});

for (;;) {
  const next = await call('GET', '/invocation/next');
  requestId = next.headers['lambda-runtime-aws-request-id'];
  const deadline = Number(next.headers['lambda-runtime-deadline-ms']);
  const id = requestId;
  const context = {
    awsRequestId: id,
    functionName: env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: next.headers['lambda-runtime-invoked-function-arn'],
    memoryLimitInMB: env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    logGroupName: env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: env.AWS_LAMBDA_LOG_STREAM_NAME,
    callbackWaitsForEmptyEventLoop: true,
    clientContext: parseClientContext(next.headers['lambda-runtime-client-context']),
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  try {
    const event = JSON.parse(next.body);
    const result = await runHandler(handler, event, context);
    const body = JSON.stringify(result === undefined ? null : result);
    flushMarker(id);
    await call('POST', `/invocation/${id}/response`, body, { 'content-type': 'application/json', ...usage() });
  } catch (e) {
    await postError(`/invocation/${id}/error`, e, id);
  }
}
