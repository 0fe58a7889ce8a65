// The production build as a graph of chunks, each with its gzip size split by package through its source
// map: what the size check (bench/size-check.ts) and the bench measure budgets with.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { decode } from '@jridgewell/sourcemap-codec';

export interface Chunk {
  /** As served: assets/name-hash.js */
  file: string;
  gzip: number;
  /** Chunks it imports statically: they load (in parallel) before it runs. */
  imports: string[];
  /** Chunks it may import later (a page, an SDK client). */
  dynamicImports: string[];
  /** gzip bytes per package ("react-dom", "@aws-sdk/client-s3", "src/aws/s3"), in proportion to the code each produced. */
  byPackage: Map<string, number>;
}

export interface Bundle {
  dir: string;
  /** By file (assets/x.js). */
  chunks: Map<string, Chunk>;
  /** The chunks index.html loads. */
  entries: string[];
  /** Source module (src/pages/s3/buckets-page.tsx) -> the chunk a dynamic import of it loads. */
  dynamicEntries: Map<string, string>;
}

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/**
 * A source file's package: the npm package it came from, or for our own code its folder two levels down
 * (src/aws/s3, src/components/ui, src/app), so a report says which part of the console grew.
 */
export function packageOf(source: string): string {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const [first, second] = source.slice(nm + 'node_modules/'.length).split('/');
    return first?.startsWith('@') ? `${first}/${second ?? ''}` : (first ?? source);
  }
  const parts = source.split('/');
  const src = parts.lastIndexOf('src');
  if (src >= 0) return parts.slice(src, Math.min(src + 3, parts.length - 1)).join('/') || 'src';
  return '(bundler runtime)';
}

/** Own code is ours (src/); the AWS SDK is every @aws-sdk, @smithy and @aws-crypto package. */
export function kindOfPackage(pkg: string): 'own' | 'sdk' | 'other' {
  if (pkg.startsWith('src/') || pkg === 'src') return 'own';
  if (/^(@aws-sdk|@smithy|@aws-crypto)\//.test(pkg)) return 'sdk';
  return 'other';
}

function attribute(dir: string, file: string, code: string, gzip: number): Map<string, number> {
  const byPackage = new Map<string, number>();
  const mapFile = join(dir, `${file}.map`);
  if (!existsSync(mapFile)) {
    byPackage.set('(no source map)', gzip);
    return byPackage;
  }
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; mappings: string };
  const root = process.cwd();
  const packages = map.sources.map((s) =>
    packageOf(
      relative(root, resolve(dirname(mapFile), s))
        .split('\\')
        .join('/'),
    ),
  );
  const lines = code.split('\n');
  const bytes = new Map<string, number>();
  let total = 0;
  decode(map.mappings).forEach((segments, line) => {
    const length = lines[line]?.length ?? 0;
    segments.forEach((seg, i) => {
      const end = segments[i + 1]?.[0] ?? length;
      const pkg = seg.length > 1 ? (packages[seg[1] ?? -1] ?? '(bundler runtime)') : '(bundler runtime)';
      const n = Math.max(0, end - seg[0]);
      bytes.set(pkg, (bytes.get(pkg) ?? 0) + n);
      total += n;
    });
  });
  for (const [pkg, n] of bytes) byPackage.set(pkg, (gzip * n) / (total || 1));
  return byPackage;
}

/** Read a build made with `--manifest --sourcemap hidden` (e2e/support/build.ts makes one). */
export function readBundle(dir: string): Bundle {
  const manifestFile = join(dir, '.vite', 'manifest.json');
  if (!existsSync(manifestFile))
    throw new Error(`${manifestFile} is missing: build with --manifest (e2e/support/build.ts does)`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
  const fileOf = (key: string) => manifest[key]?.file ?? key;
  const chunks = new Map<string, Chunk>();
  const entries: string[] = [];
  const dynamicEntries = new Map<string, string>();
  for (const [key, m] of Object.entries(manifest)) {
    if (!m.file.endsWith('.js')) continue;
    // The served file has no sourceMappingURL comment (hidden maps), so its gzip is what a browser gets.
    const code = readFileSync(join(dir, m.file), 'utf8');
    const gzip = gzipSync(code, { level: 9 }).length;
    chunks.set(m.file, {
      file: m.file,
      gzip,
      imports: (m.imports ?? []).map(fileOf),
      dynamicImports: (m.dynamicImports ?? []).map(fileOf),
      byPackage: attribute(dir, m.file, code, gzip),
    });
    if (m.isEntry) entries.push(m.file);
    if (m.isDynamicEntry) dynamicEntries.set(m.src ?? key, m.file);
  }
  return { dir, chunks, entries, dynamicEntries };
}

/** The chunks that load with `roots`: each root and everything it imports statically, transitively. */
export function staticClosure(bundle: Bundle, roots: string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...roots];
  while (todo.length) {
    const file = todo.pop() as string;
    if (seen.has(file)) continue;
    const chunk = bundle.chunks.get(file);
    if (!chunk) continue;
    seen.add(file);
    todo.push(...chunk.imports);
  }
  return seen;
}

export interface Measured {
  gzip: number;
  byPackage: Map<string, number>;
  chunks: string[];
}

/** Sum the chunks: total gzip and per package. */
export function measure(bundle: Bundle, files: Iterable<string>): Measured {
  const byPackage = new Map<string, number>();
  let gzip = 0;
  const chunks: string[] = [];
  for (const file of files) {
    const chunk = bundle.chunks.get(file);
    if (!chunk) continue;
    chunks.push(file);
    gzip += chunk.gzip;
    for (const [pkg, n] of chunk.byPackage) byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + n);
  }
  return { gzip, byPackage, chunks: chunks.sort() };
}

/** Bytes of one kind (own code, AWS SDK, other libraries) in a measurement. */
export function gzipOfKind(m: Measured, kind: 'own' | 'sdk' | 'other'): number {
  let sum = 0;
  for (const [pkg, n] of m.byPackage) if (kindOfPackage(pkg) === kind) sum += n;
  return sum;
}
