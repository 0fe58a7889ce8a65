import type { ApiCall } from './call';
import { DENIED_CODES, OPERATION_ERRORS, SERVICES } from './catalog';
import { Expr, asText, jsLiteral } from './literals';
import { prepare, type PreparedCall } from './prepare';

/** A JavaScript module in parts, so a script can share imports and clients across calls. */
export interface JsParts {
  /** package -> names imported from it */
  imports: Map<string, Set<string>>;
  clients: Map<string, string>;
  body: string[];
}

function addImport(parts: JsParts, pkg: string, name: string): void {
  const names = parts.imports.get(pkg) ?? new Set<string>();
  names.add(name);
  parts.imports.set(pkg, names);
}

function clientVar(call: ApiCall, shared: boolean): string {
  if (!shared) return 'client';
  const region = call.region.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  return `${call.service}${region.charAt(0).toUpperCase()}${region.slice(1)}`;
}

function clientLine(call: ApiCall, name: string): string {
  const config: Record<string, unknown> = { region: call.region };
  if (call.endpoint) config.endpoint = call.endpoint;
  // The console's S3 client addresses buckets by path against a custom endpoint.
  if (call.endpoint && call.service === 's3') config.forcePathStyle = true;
  return `const ${name} = new ${SERVICES[call.service].sdkClient}(${jsLiteral(config)});`;
}

function errorCodes(call: ApiCall): string[] {
  const specific = Object.hasOwn(OPERATION_ERRORS, call.operation) ? (OPERATION_ERRORS[call.operation] ?? []) : [];
  return [...specific, ...SERVICES[call.service].notFound, ...DENIED_CODES];
}

function callLines(prepared: PreparedCall, client: string, parts: JsParts): string[] {
  const { call, paging } = prepared;
  const pkg = SERVICES[call.service].sdkPackage;
  const params: Record<string, unknown> = { ...prepared.params };
  if (prepared.bodyFile) {
    addImport(parts, 'node:fs/promises', 'readFile');
    params.Body = new Expr('', `await readFile(${JSON.stringify(prepared.bodyFile)})`);
  }
  if (call.service === 'lambda' && call.operation === 'Invoke' && params.Payload instanceof Uint8Array) {
    const text = asText(params.Payload);
    if (text !== undefined) {
      try {
        params.Payload = new Expr(
          '',
          `new TextEncoder().encode(JSON.stringify(${jsLiteral(JSON.parse(text) as unknown, '  ')}))`,
        );
      } catch {
        // not JSON: the literal bytes
      }
    }
  }
  if (paging?.sdk) {
    const helper = `paginate${call.operation}`;
    addImport(parts, pkg, helper);
    const named = client === 'client' ? 'client' : `client: ${client}`;
    const config = prepared.pageSize !== undefined ? `{ ${named}, pageSize: ${prepared.pageSize} }` : `{ ${named} }`;
    const lines = [`for await (const page of ${helper}(${config}, ${jsLiteral(params)})) {`];
    for (const key of paging.items)
      lines.push(`  for (const item of page.${key} ?? []) console.log(JSON.stringify(item));`);
    lines.push('}');
    return lines;
  }
  const command = `${call.operation}Command`;
  addImport(parts, pkg, command);
  if (paging && prepared.pageSize !== undefined && paging.limitKey) params[paging.limitKey] = prepared.pageSize;
  const lines = [`const output = await ${client}.send(new ${command}(${jsLiteral(params)}));`];
  if (call.service === 's3' && call.operation === 'GetObject') {
    addImport(parts, 'node:fs/promises', 'writeFile');
    lines.push(`await writeFile(${JSON.stringify(prepared.outfile)}, await output.Body.transformToByteArray());`);
  } else if (call.service === 'lambda' && call.operation === 'Invoke') {
    lines.push('console.log(new TextDecoder().decode(output.Payload));');
  } else {
    lines.push('const { $metadata, ...result } = output;', 'console.log(JSON.stringify(result, null, 2));');
  }
  return lines;
}

export function toJsParts(
  raw: ApiCall,
  parts: JsParts = { imports: new Map(), clients: new Map(), body: [] },
  shared = false,
): JsParts {
  const prepared = prepare(raw);
  const client = clientVar(prepared.call, shared);
  addImport(parts, SERVICES[prepared.call.service].sdkPackage, SERVICES[prepared.call.service].sdkClient);
  if (!parts.clients.has(client)) parts.clients.set(client, clientLine(prepared.call, client));
  const codes = errorCodes(prepared.call);
  parts.body.push(
    'try {',
    ...callLines(prepared, client, parts)
      .flatMap((l) => l.split('\n'))
      .map((l) => `  ${l}`),
    '} catch (err) {',
    `  if ([${codes.map((c) => JSON.stringify(c)).join(', ')}].includes(err.name)) {`,
    `    console.error(\`${prepared.call.operation} failed: \${err.name}: \${err.message}\`);`,
    '    process.exitCode = 1;',
    '  } else throw err;',
    '}',
  );
  return parts;
}

export function renderJs(parts: JsParts): string {
  const imports = [...parts.imports].map(([pkg, names]) => {
    const list = [...names].sort();
    const flat = `import { ${list.join(', ')} } from "${pkg}";`;
    return flat.length <= 100 ? flat : `import {\n${list.map((n) => `  ${n},\n`).join('')}} from "${pkg}";`;
  });
  return [...imports, '', ...parts.clients.values(), '', ...parts.body].join('\n') + '\n';
}

/** SDK for JavaScript v3 code (an ES module: the command class, or the paginator helper where one exists). */
export function toSdkV3(call: ApiCall): string {
  return renderJs(toJsParts(call));
}
