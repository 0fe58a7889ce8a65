// The console pages' lazy JS, attributed through source maps (used by npm run bench).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';

export interface ChunkBudget {
  /** gzip bytes of every chunk the group's pages add to the signed-in shell (the S3 SDK included). */
  totalGzip: number;
  sdkGzip: number;
  ownCodeGzip: number;
  otherLibrariesGzip: number;
  chunks: number;
}

/** Which share a source file's bytes count toward. */
function kindOf(source: string): 'sdk' | 'own' | 'other' {
  if (
    /node_modules\/(@aws-sdk|@smithy|@aws-crypto|@aws\/|fast-xml-parser|strnum|tslib|uuid|bowser|buffer|base64-js|ieee754|events|stream-browserify|readable-stream|inherits|string_decoder|safe-buffer|util-deprecate|process)\//.test(
      source,
    )
  )
    return 'sdk';
  if (!source.includes('node_modules/') && /(^|\/)src\//.test(source)) return 'own';
  return 'other';
}

export interface PageGroup {
  name: string;
  /** Lazy chunk name prefixes of the group's pages (assets/<prefix>-*.js). */
  pages: string[];
  /** A file of the service's SDK client that marks its chunk, e.g. '@aws-sdk/client-s3/dist-es/index'. */
  sdk: string;
}

export const S3_PAGES: PageGroup = {
  name: 'buckets',
  pages: ['buckets-page', 'objects-page', 'multipart-page'],
  sdk: '@aws-sdk/client-s3/dist-es/',
};
export const PAGE_GROUPS: PageGroup[] = [
  S3_PAGES,
  { name: 'instances', pages: ['instances-page', 'instance-page'], sdk: '@aws-sdk/client-ec2/dist-es/' },
  { name: 'tables', pages: ['tables-page', 'table-page'], sdk: '@aws-sdk/client-dynamodb/dist-es/' },
  { name: 'queues', pages: ['queues-page', 'queue-page'], sdk: '@aws-sdk/client-sqs/dist-es/' },
  {
    name: 'secrets',
    pages: ['secrets-page', 'secret-page'],
    sdk: '@aws-sdk/client-secrets-manager/dist-es/',
  },
];

/**
 * What each group of pages adds to the signed-in shell, from one production build with source maps:
 * the lazy chunks they reach, their gzip size split by source into the AWS SDK, our own code (src/) and
 * other libraries. The issues' budgets: the SDK client plus at most 40 KB gzip of our own code.
 */
export function pageChunkBudgets(groups: PageGroup[]): Array<{ name: string; budget: ChunkBudget }> {
  const out = mkdtempSync(join(tmpdir(), 'bench-s3-build-'));
  try {
    execFileSync(
      process.execPath,
      [
        'node_modules/vite/bin/vite.js',
        'build',
        '--sourcemap',
        '--outDir',
        out,
        '--emptyOutDir',
        '--logLevel',
        'error',
      ],
      { stdio: 'inherit' },
    );
    const assets = join(out, 'assets');
    const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
    const code = new Map(files.map((f) => [f, readFileSync(join(assets, f), 'utf8')]));
    const importsOf = (f: string, dynamic: boolean) => {
      const src = code.get(f) ?? '';
      const found = new Set<string>();
      const staticRe = /(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g;
      for (const m of src.matchAll(staticRe)) if (m[1]) found.add(m[1]);
      if (dynamic) for (const m of src.matchAll(/["'](?:\.\/|assets\/)([\w.-]+\.js)["']/g)) if (m[1]) found.add(m[1]);
      return [...found].filter((x) => code.has(x));
    };
    const closure = (roots: string[], dynamic: boolean, stop = new Set<string>()) => {
      const seen = new Set<string>();
      const todo = roots.filter((r) => !stop.has(r));
      while (todo.length) {
        const f = todo.pop()!;
        if (seen.has(f)) continue;
        seen.add(f);
        for (const g of importsOf(f, dynamic)) if (!seen.has(g) && !stop.has(g)) todo.push(g);
      }
      return seen;
    };
    const named = (prefix: string) => files.filter((f) => f.startsWith(`${prefix}-`));
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const entries = [...html.matchAll(/assets\/([\w.-]+\.js)/g)].map((m) => m[1]!);
    // The shell every signed-in page has: the entry and the protected layout, with their static imports.
    const shell = closure([...entries, ...named('protected-layout')], false);
    const sourcesOf = (f: string): string[] => {
      const map = JSON.parse(readFileSync(join(assets, `${f}.map`), 'utf8')) as { sources: string[] };
      return map.sources;
    };
    return groups.map((group) => {
      const sdkChunks = files.filter(
        (f) => existsSync(join(assets, `${f}.map`)) && sourcesOf(f).some((s) => s.includes(group.sdk)),
      );
      const pages = group.pages.flatMap((prefix) => named(prefix));
      const lazy = closure([...pages, ...sdkChunks], true, shell);
      const budget: ChunkBudget = {
        totalGzip: 0,
        sdkGzip: 0,
        ownCodeGzip: 0,
        otherLibrariesGzip: 0,
        chunks: lazy.size,
      };
      for (const f of lazy) {
        const src = (code.get(f) ?? '').replace(/\n\/\/# sourceMappingURL=.*$/, '');
        const gz = gzipSync(src, { level: 9 }).length;
        budget.totalGzip += gz;
        // Attribute the chunk's gzip bytes in proportion to the generated bytes each source produced.
        const map = JSON.parse(readFileSync(join(assets, `${f}.map`), 'utf8')) as {
          sources: string[];
          mappings: string;
        };
        const lines = src.split('\n');
        const bytes = { sdk: 0, own: 0, other: 0 };
        decode(map.mappings).forEach((segments, line) => {
          const length = lines[line]?.length ?? 0;
          segments.forEach((seg, i) => {
            const end = segments[i + 1]?.[0] ?? length;
            const source = seg.length > 1 ? (map.sources[seg[1]!] ?? '') : '';
            bytes[source ? kindOf(source) : 'other'] += Math.max(0, end - seg[0]);
          });
        });
        const total = bytes.sdk + bytes.own + bytes.other || 1;
        budget.sdkGzip += (gz * bytes.sdk) / total;
        budget.ownCodeGzip += (gz * bytes.own) / total;
        budget.otherLibrariesGzip += (gz * bytes.other) / total;
      }
      for (const k of ['sdkGzip', 'ownCodeGzip', 'otherLibrariesGzip'] as const) budget[k] = Math.round(budget[k]);
      return { name: group.name, budget };
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
