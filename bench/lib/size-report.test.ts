// The size check over a small hand-made build: it must fail on what issue 25 forbids and name the package.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { encode } from '@jridgewell/sourcemap-codec';
import { packageOf, readBundle } from './bundle.js';
import { evaluateBudgets, growth } from './size-report.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

interface FakeChunk {
  key: string;
  file: string;
  /** Source (as the map names it) and about how many gzip bytes of code it produced. */
  parts: Array<[string, number]>;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
  src?: string;
}

/** A build folder as vite writes it with --manifest --sourcemap hidden. */
function fakeBuild(chunks: FakeChunk[]): string {
  const root = mkdtempSync(join(tmpdir(), 'size-report-'));
  mkdirSync(join(root, '.vite'));
  mkdirSync(join(root, 'assets'));
  const manifest: Record<string, object> = {};
  for (const c of chunks) {
    let code = '';
    const segments: Array<[number, number, number, number]> = [];
    c.parts.forEach(([, bytes], i) => {
      segments.push([code.length, i, 0, 0]);
      // Random hex gzips to about 1.08 times its random bytes.
      code += randomBytes(Math.round(bytes / 1.08)).toString('hex');
    });
    writeFileSync(join(root, c.file), code);
    const map = { version: 3, sources: c.parts.map(([s]) => s), names: [], mappings: encode([segments]) };
    writeFileSync(join(root, `${c.file}.map`), JSON.stringify(map));
    manifest[c.key] = {
      file: c.file,
      ...(c.src ? { src: c.src, isDynamicEntry: true } : {}),
      ...(c.isEntry ? { isEntry: true } : {}),
      imports: c.imports ?? [],
      dynamicImports: c.dynamicImports ?? [],
    };
  }
  writeFileSync(join(root, '.vite', 'manifest.json'), JSON.stringify(manifest));
  return root;
}

const NM = '../../node_modules';

function build(signInExtra: Array<[string, number]> = []) {
  dir = fakeBuild([
    {
      key: 'index.html',
      file: 'assets/index.js',
      isEntry: true,
      imports: ['_framework.js'],
      parts: [
        ['../../src/main.tsx', 2_000],
        ['../../src/app/router.tsx', 2_000],
      ],
    },
    { key: '_framework.js', file: 'assets/framework.js', parts: [[`${NM}/react-dom/cjs/client.js`, 60_000]] },
    {
      key: 'src/pages/signin/signin-page.tsx',
      src: 'src/pages/signin/signin-page.tsx',
      file: 'assets/signin-page.js',
      parts: [['../../src/pages/signin/signin-page.tsx', 1_000], ...signInExtra],
    },
    {
      key: 'src/pages/s3/buckets-page.tsx',
      src: 'src/pages/s3/buckets-page.tsx',
      file: 'assets/buckets-page.js',
      parts: [['../../src/pages/s3/buckets-page.tsx', 50_000]],
    },
    {
      key: 'src/aws/s3/sdk.ts',
      src: 'src/aws/s3/sdk.ts',
      file: 'assets/sdk.js',
      parts: [[`${NM}/@aws-sdk/client-s3/dist-es/S3Client.js`, 20_000]],
    },
  ]);
  return evaluateBudgets(readBundle(dir));
}

it('passes a sign-in page within 120 KB and without SDK code', () => {
  const signIn = build().find((r) => r.name === 'sign-in page: initial JS');
  expect(signIn?.failures).toEqual([]);
  expect(signIn?.byPackage['react-dom']).toBeGreaterThan(58);
  expect(signIn?.byPackage['src/pages/signin']).toBeGreaterThan(0.9);
});

it('fails a sign-in page that pulls in AWS SDK code, and names the package that grew', () => {
  const before = build().find((r) => r.name === 'sign-in page: initial JS');
  const after = build([[`${NM}/@aws-sdk/client-sts/dist-es/STSClient.js`, 70_000]]).find(
    (r) => r.name === 'sign-in page: initial JS',
  );
  expect(after?.failures).toEqual([
    expect.stringMatching(/^1\d\d\.\d KB > 120 KB in all$/),
    expect.stringMatching(/^holds 6\d\.\d KB of AWS SDK code$/),
  ]);
  expect(growth(after!, before)[0]).toMatch(/^@aws-sdk\/client-sts \+6\d\.\d KB \(0 -> 6\d\.\d KB\)$/);
});

it('holds a page to 40 KB of our own code on top of its SDK client', () => {
  const buckets = build().find((r) => r.name === 'page s3/buckets-page: added to the shell');
  expect(buckets?.sdkKb).toBeGreaterThan(19);
  expect(buckets?.failures).toEqual([expect.stringMatching(/^our own code 4\d(\.\d)? KB > 40 KB$/)]);
});

it('names packages by scope and our code by folder', () => {
  expect(packageOf('node_modules/@smithy/core/dist-es/index.js')).toBe('@smithy/core');
  expect(packageOf('node_modules/.pnpm/x/node_modules/react-dom/index.js')).toBe('react-dom');
  expect(packageOf('src/aws/dynamodb/api.ts')).toBe('src/aws/dynamodb');
  expect(packageOf('src/main.tsx')).toBe('src');
});
