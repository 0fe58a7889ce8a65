import type { ApiCall } from './call';
import { DENIED_CODES, OPERATION_ERRORS, SERVICES, snakeCase } from './catalog';
import { Expr, pyLiteral, pythonNeeds } from './literals';
import { prepare, type PreparedCall } from './prepare';

/** A Python snippet in parts, so a script can share imports and clients across calls. */
export interface PythonParts {
  imports: Set<string>;
  /** `client_var = boto3.client(...)` keyed by its variable. */
  clients: Map<string, string>;
  body: string[];
}

function quoteList(codes: readonly string[]): string {
  return codes.length === 1
    ? `== ${JSON.stringify(codes[0])}`
    : `in (${codes.map((c) => JSON.stringify(c)).join(', ')})`;
}

function clientVar(call: ApiCall, shared: boolean): string {
  if (!shared) return 'client';
  return `${SERVICES[call.service].boto3}_${call.region.replace(/-/g, '_')}`;
}

function clientLine(call: ApiCall, name: string, imports: Set<string>): string {
  const args = [JSON.stringify(SERVICES[call.service].boto3), `region_name=${JSON.stringify(call.region)}`];
  if (call.endpoint) {
    args.push(`endpoint_url=${JSON.stringify(call.endpoint)}`);
    if (call.service === 's3') {
      // A custom endpoint serves buckets by path, as the console's client does (forcePathStyle).
      args.push('config=Config(s3={"addressing_style": "path"})');
      imports.add('from botocore.config import Config');
    }
  }
  return `${name} = boto3.client(${args.join(', ')})`;
}

function kwargs(params: Record<string, unknown>, indent: string): string {
  const entries = Object.entries(params);
  if (entries.length === 0) return '()';
  const inner = `${indent}    `;
  const parts = entries.map(([k, v]) => `${k}=${pyLiteral(v, inner)}`);
  const flat = `(${parts.join(', ')})`;
  if (flat.length + indent.length <= 70 && !flat.includes('\n')) return flat;
  return `(\n${parts.map((p) => `${inner}${p},\n`).join('')}${indent})`;
}

function callLines(prepared: PreparedCall, client: string, imports: Set<string>): string[] {
  const { call, paging } = prepared;
  const params: Record<string, unknown> = { ...prepared.params };
  const method = snakeCase(call.operation);
  const lines: string[] = [];
  if (prepared.bodyFile) params.Body = new Expr('body', 'body');
  if (call.service === 'lambda' && call.operation === 'Invoke' && params.Payload instanceof Uint8Array) {
    const text = new TextDecoder().decode(params.Payload);
    try {
      imports.add('import json');
      params.Payload = new Expr(`json.dumps(${pyLiteral(JSON.parse(text) as unknown, '    ')})`, '');
    } catch {
      // not JSON: the bytes as they are
    }
  }
  for (const need of pythonNeeds(params))
    imports.add(need === 'datetime' ? 'from datetime import datetime, timezone' : `import ${need}`);

  if (paging) {
    imports.add('import json');
    lines.push(`paginator = ${client}.get_paginator(${JSON.stringify(method)})`);
    if (prepared.pageSize !== undefined) params.PaginationConfig = { PageSize: prepared.pageSize };
    lines.push(`for page in paginator.paginate${kwargs(params, '')}:`);
    for (const key of paging.items) {
      lines.push(`    for item in page.get(${JSON.stringify(key)}, []):`);
      lines.push('        print(json.dumps(item, default=str))');
    }
    return lines;
  }
  let indent = '';
  if (prepared.bodyFile) {
    lines.push(`with open(${JSON.stringify(prepared.bodyFile)}, "rb") as body:`);
    indent = '    ';
  }
  lines.push(`${indent}response = ${client}.${method}${kwargs(params, indent)}`);
  if (call.service === 's3' && call.operation === 'GetObject') {
    lines.push(`with open(${JSON.stringify(prepared.outfile)}, "wb") as out:`);
    lines.push('    out.write(response["Body"].read())');
  } else if (call.service === 'lambda' && call.operation === 'Invoke') {
    lines.push('print(response["Payload"].read().decode())');
  } else {
    imports.add('import json');
    lines.push('response.pop("ResponseMetadata", None)');
    lines.push('print(json.dumps(response, indent=2, default=str))');
  }
  return lines;
}

function handlerLines(call: ApiCall): string[] {
  const lines = ['except ClientError as err:', '    code = err.response["Error"]["Code"]'];
  const specific = Object.hasOwn(OPERATION_ERRORS, call.operation) ? (OPERATION_ERRORS[call.operation] ?? []) : [];
  const branches: [readonly string[], string][] = [];
  if (specific.length) branches.push([specific, `${call.operation} refused`]);
  const notFound = SERVICES[call.service].notFound;
  if (notFound.length) branches.push([notFound, 'Not found']);
  branches.push([DENIED_CODES, 'Your role does not allow this']);
  branches.forEach(([codes, what], i) => {
    lines.push(`    ${i === 0 ? 'if' : 'elif'} code ${quoteList(codes)}:`);
    lines.push(`        raise SystemExit(f"${what}: {err}")`);
  });
  lines.push('    raise');
  return lines;
}

/** The parts of a boto3 snippet for one call (`shared` names clients per service and region for a script). */
export function toPythonParts(
  raw: ApiCall,
  parts: PythonParts = { imports: new Set(), clients: new Map(), body: [] },
  shared = false,
): PythonParts {
  const prepared = prepare(raw);
  const client = clientVar(prepared.call, shared);
  if (!parts.clients.has(client)) parts.clients.set(client, clientLine(prepared.call, client, parts.imports));
  parts.imports.add('from botocore.exceptions import ClientError');
  const inner = callLines(prepared, client, parts.imports)
    .flatMap((l) => l.split('\n'))
    .map((l) => `    ${l}`);
  parts.body.push('try:', ...inner, ...handlerLines(prepared.call));
  return parts;
}

export function renderPython(parts: PythonParts): string {
  const order = (s: string) => (s.startsWith('import ') ? 0 : 1);
  const std = [...parts.imports]
    .filter((i) => !i.includes('botocore'))
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  const third = ['import boto3', ...[...parts.imports].filter((i) => i.includes('botocore')).sort()];
  return (
    [...(std.length ? [...std, ''] : []), ...third, '', ...parts.clients.values(), '', ...parts.body].join('\n') + '\n'
  );
}

/** boto3 code (the client API, a paginator where the list paginates, ClientError by code). */
export function toBoto3(call: ApiCall): string {
  return renderPython(toPythonParts(call));
}
