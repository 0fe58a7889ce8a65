import { FileRef, type ApiCall } from './call';
import { SERVICES, snakeCase } from './catalog';
import { asText, shellQuote, toBase64, toCliJson } from './literals';
import { prepare } from './prepare';

// Above this many characters of parameters, one --cli-input-json reads better than many flags.
const CLI_INPUT_JSON_AT = 400;
const SAFE_LIST_ITEM = /^[A-Za-z0-9_@%+=:./][A-Za-z0-9_@%+=:./-]*$/;

/** `--flag value` words for one member, or undefined when the member cannot be a flag safely. */
function flagWords(member: string, value: unknown): string[] | undefined {
  const flag = `--${snakeCase(member, '-')}`;
  if (typeof value === 'boolean') return [value ? flag : `--no-${flag.slice(2)}`];
  if (typeof value === 'number') return [flag, String(value)];
  if (typeof value === 'string') {
    // The CLI reads file:// and fileb:// values as paths: such a string goes in --cli-input-json.
    if (/^(file|fileb):\/\//i.test(value)) return undefined;
    // A value that starts with "-" would read as another option: join it to its flag.
    return value.startsWith('-') ? [`${flag}=${shellQuote(value)}`] : [flag, shellQuote(value)];
  }
  if (value instanceof Date) return [flag, value.toISOString()];
  if (value instanceof Uint8Array) return [flag, shellQuote(toBase64(value))];
  if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && SAFE_LIST_ITEM.test(v)))
    return [flag, ...(value as string[])];
  if (value !== null && typeof value === 'object') return [flag, shellQuote(JSON.stringify(toCliJson(value)))];
  return undefined;
}

function layout(head: string, args: string[][]): string {
  const line = [head, ...args.map((a) => a.join(' '))].join(' ');
  if (line.length <= 100 && !line.includes('\n')) return line;
  return [head, ...args.map((a) => `  ${a.join(' ')}`)].join(' \\\n');
}

/** One runnable AWS CLI v2 command, shell-quoted, that makes the same call. */
export function toCli(raw: ApiCall): string {
  const prepared = prepare(raw);
  const { call, params } = prepared;
  const head = `aws ${SERVICES[call.service].cli} ${snakeCase(call.operation, '-')}`;
  const args: string[][] = [];
  const tail: string[][] = [];

  let payloadText: string | undefined;
  if (call.service === 'lambda' && call.operation === 'Invoke' && params.Payload instanceof Uint8Array) {
    payloadText = asText(params.Payload);
    if (payloadText !== undefined) delete params.Payload;
  }
  if (call.service === 'lambda' && params.Payload instanceof FileRef) {
    tail.push(['--payload', shellQuote(`fileb://${params.Payload.name}`)]);
    delete params.Payload;
  }

  const flags: string[][] = [];
  let useJson = false;
  for (const [member, value] of Object.entries(params)) {
    const words = flagWords(member, value);
    if (!words) useJson = true;
    else flags.push(words);
  }
  if (useJson || flags.reduce((n, w) => n + w.join(' ').length, 0) > CLI_INPUT_JSON_AT)
    args.push(['--cli-input-json', shellQuote(JSON.stringify(toCliJson(params)))]);
  else args.push(...flags);

  if (payloadText !== undefined)
    tail.push(['--cli-binary-format', 'raw-in-base64-out', '--payload', shellQuote(payloadText)]);
  if (prepared.bodyFile) tail.push(['--body', shellQuote(prepared.bodyFile)]);
  if (prepared.pageSize !== undefined) tail.push(['--page-size', String(prepared.pageSize)]);
  tail.push(['--region', shellQuote(call.region)]);
  if (call.endpoint) tail.push(['--endpoint-url', shellQuote(call.endpoint)]);
  if (prepared.outfile) tail.push([shellQuote(prepared.outfile)]);
  return layout(head, [...args, ...tail]);
}
