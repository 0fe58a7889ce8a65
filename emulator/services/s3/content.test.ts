import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { filesOf, openContent, readContentSync, segmentsOf, segmentsRef } from './content.js';

const dir = mkdtempSync(join(tmpdir(), 'content-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const pathOf = (f: string) => join(dir, f);
writeFileSync(pathOf('a'), 'hello ');
writeFileSync(pathOf('b'), '');
writeFileSync(pathOf('c'), 'world');

describe('content references', () => {
  const ref = segmentsRef([
    { file: 'a', size: 6 },
    { file: 'b', size: 0 },
    { file: 'c', size: 5 },
  ]);

  test('a plain file is one segment; a multipart reference lists its files in order', () => {
    expect(segmentsOf('objects/x', 42)).toEqual([{ file: 'objects/x', size: 42 }]);
    expect(segmentsOf(null, 0)).toEqual([]);
    expect(filesOf(ref)).toEqual(['a', 'b', 'c']);
  });

  test('reads the whole or any range across the files, empty ones included', async () => {
    expect(readContentSync(pathOf, ref, 11).toString()).toBe('hello world');
    const content = await openContent(pathOf, ref, 11);
    const text = async (start: number, end: number) => {
      const chunks: Buffer[] = [];
      for await (const c of content.stream(start, end)) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString();
    };
    try {
      expect(await text(0, 10)).toBe('hello world');
      expect(await text(4, 7)).toBe('o wo');
      expect(await text(6, 10)).toBe('world');
      expect(await text(5, 5)).toBe(' ');
    } finally {
      await content.close();
    }
  });

  test('a reference whose first file is gone fails when opened, so the caller can look again', async () => {
    const gone = segmentsRef([{ file: 'missing', size: 3 }]);
    await expect(openContent(pathOf, gone, 3)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
