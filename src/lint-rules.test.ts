// @vitest-environment node
// The dependency directions of docs/architecture.md are lint rules: this shows each one fires on a
// wrong import (and stays quiet on a right one), so a config edit cannot switch them off unnoticed.
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const root = resolve(import.meta.dirname, '..');

/** The rule ids reported for `code` as if it were the file at `filePath` (relative to the ESLint cwd). */
async function ruleIds(linter: { eslint: ESLint; cwd: string }, code: string, filePath: string): Promise<string[]> {
  const [result] = await linter.eslint.lintText(code, { filePath: join(linter.cwd, filePath) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

let repo: { eslint: ESLint; cwd: string };
let fixture = '';
let fixtureLint: { eslint: ESLint; cwd: string };

beforeAll(() => {
  repo = { eslint: new ESLint({ cwd: root }), cwd: root };
  // A cycle needs real files: two modules importing each other, linted with a copy of the config.
  fixture = mkdtempSync(join(tmpdir(), 'lint-rules-'));
  symlinkSync(join(root, 'node_modules'), join(fixture, 'node_modules'), 'dir');
  copyFileSync(join(root, 'eslint.config.js'), join(fixture, 'eslint.config.js'));
  writeFileSync(join(fixture, 'tsconfig.json'), JSON.stringify({ compilerOptions: { moduleResolution: 'bundler' } }));
  mkdirSync(join(fixture, 'src/app'), { recursive: true });
  writeFileSync(join(fixture, 'src/app/a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
  writeFileSync(join(fixture, 'src/app/b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
  fixtureLint = { eslint: new ESLint({ cwd: fixture }), cwd: fixture };
});

afterAll(() => {
  if (fixture) rmSync(fixture, { recursive: true, force: true });
});

describe('dependency directions', () => {
  it.each([
    [
      'a component importing src/aws',
      'src/components/x.tsx',
      "import { withClient } from '../aws/clients';\nexport const x = withClient;\n",
    ],
    [
      'a component importing a type from src/app',
      'src/components/ui/x.tsx',
      "import type { ConsoleConfig } from '../../app/config-context';\nexport type X = ConsoleConfig;\n",
    ],
    [
      'a component importing a page',
      'src/components/x.tsx',
      "import QueuesPage from '../pages/queues/queues-page';\nexport const x = QueuesPage;\n",
    ],
    [
      'src/aws importing a component',
      'src/aws/s3/api.ts',
      "import { ErrorNotice } from '../../components/error-notice';\nexport const x = ErrorNotice;\n",
    ],
    [
      'src/aws importing src/app',
      'src/aws/x.ts',
      "import { useConfig } from '../app/config-context';\nexport const x = useConfig;\n",
    ],
    [
      'src importing the emulator',
      'src/app/x.ts',
      "import { startEmulator } from '../../emulator/index';\nexport const x = startEmulator;\n",
    ],
    [
      'the emulator importing src',
      'emulator/x.ts',
      "import { toAppError } from '../src/aws/errors';\nexport const x = toAppError;\n",
    ],
  ])('%s is reported', async (_name, file, code) => {
    expect(await ruleIds(repo, code, file)).toContain('import-x/no-restricted-paths');
  });

  it.each([
    ['react', "import { useState } from 'react';\nexport const x = useState;\n"],
    ['react-dom', "import { createPortal } from 'react-dom';\nexport const x = createPortal;\n"],
    ['react-dom/client', "import { createRoot } from 'react-dom/client';\nexport const x = createRoot;\n"],
  ])('src/aws importing %s is reported', async (_name, code) => {
    expect(await ruleIds(repo, code, 'src/aws/s3/mutations.ts')).toContain('no-restricted-imports');
  });

  it('src/aws writing JSX is reported', async () => {
    expect(await ruleIds(repo, 'export const x = <div />;\n', 'src/aws/x.tsx')).toContain('no-restricted-syntax');
  });

  it('a page calling the AWS SDK directly is reported', async () => {
    const code = "import { S3Client } from '@aws-sdk/client-s3';\nexport const x = S3Client;\n";
    expect(await ruleIds(repo, code, 'src/pages/x/x-page.tsx')).toContain('no-restricted-imports');
  });

  it.each([
    [
      'a page importing aws, components and app',
      'src/pages/x/x-page.tsx',
      "import { toAppError } from '../../aws/errors';\nimport { ErrorNotice } from '../../components/error-notice';\nimport { useRegion } from '../../app/use-region';\nexport const x = [toAppError, ErrorNotice, useRegion];\n",
    ],
    [
      'src/aws queries using TanStack Query',
      'src/aws/s3/queries.ts',
      "import { queryOptions } from '@tanstack/react-query';\nimport { withClient } from '../clients';\nexport const x = [queryOptions, withClient];\n",
    ],
    [
      'src/app wiring pages, components and aws',
      'src/app/x.ts',
      "import QueuesPage from '../pages/queues/queues-page';\nimport { ErrorNotice } from '../components/error-notice';\nimport { toAppError } from '../aws/errors';\nexport const x = [QueuesPage, ErrorNotice, toAppError];\n",
    ],
    [
      'a test starting the emulator',
      'src/aws/x.test.ts',
      "import { startTestEmulator } from '../../emulator/testing';\nexport const x = startTestEmulator;\n",
    ],
  ])('%s is allowed', async (_name, file, code) => {
    expect(await ruleIds(repo, code, file)).toEqual([]);
  });
});

describe('import cycles', () => {
  it('two modules importing each other are reported', async () => {
    const code = "import { b } from './b';\nexport const a = () => b;\n";
    expect(await ruleIds(fixtureLint, code, 'src/app/a.ts')).toContain('import-x/no-cycle');
  });

  it('a one-way import is not', async () => {
    const code = "import { b } from './b';\nexport const c = () => b;\n";
    expect(await ruleIds(fixtureLint, code, 'src/app/c.ts')).toEqual([]);
  });
});
