import { describe, expect, it } from 'vitest';
import {
  captureDrop,
  filesFromList,
  walkEntries,
  type DirectoryEntryLike,
  type EntryLike,
  type FileEntryLike,
} from './picked-files';

const fileEntry = (name: string, content = name): FileEntryLike => ({
  isFile: true,
  isDirectory: false,
  name,
  file: (ok) => queueMicrotask(() => ok(new File([content], name))),
});

/** A directory whose reader answers in batches of `batch`, then an empty batch, as Chromium does. */
const dirEntry = (name: string, children: EntryLike[], batch = 100): DirectoryEntryLike => ({
  isFile: false,
  isDirectory: true,
  name,
  createReader: () => {
    let offset = 0;
    return {
      readEntries: (ok) =>
        queueMicrotask(() => {
          const next = children.slice(offset, offset + batch);
          offset += next.length;
          ok(next);
        }),
    };
  },
});

describe('walkEntries', () => {
  it('walks nested folders keeping paths relative to the dropped item', async () => {
    const tree = dirEntry('photos', [
      fileEntry('a.jpg'),
      dirEntry('2024', [fileEntry('b.jpg'), dirEntry('june', [fileEntry('c.jpg')])]),
      dirEntry('empty', []),
    ]);
    const files = await walkEntries([tree, fileEntry('loose.txt')]);
    expect(files.map((f) => f.path)).toEqual([
      'photos/a.jpg',
      'photos/2024/b.jpg',
      'photos/2024/june/c.jpg',
      'loose.txt',
    ]);
    expect(await files[2]!.file.text()).toBe('c.jpg');
  });

  it('keeps calling readEntries until it answers an empty batch (folders over 100 entries)', async () => {
    const many = Array.from({ length: 250 }, (_, i) => fileEntry(`f${i}.txt`));
    const files = await walkEntries([dirEntry('big', many, 100)]);
    expect(files).toHaveLength(250);
    expect(files.at(-1)?.path).toBe('big/f249.txt');
  });

  it('fails when an entry cannot be read, instead of silently dropping the file', async () => {
    const broken: FileEntryLike = {
      isFile: true,
      isDirectory: false,
      name: 'x',
      file: (_ok, fail) => fail?.(new Error('NotReadableError')),
    };
    await expect(walkEntries([dirEntry('d', [broken])])).rejects.toThrow('NotReadableError');
  });
});

describe('filesFromList and captureDrop', () => {
  it('uses webkitRelativePath from a folder picker, else the name', () => {
    const inFolder = new File(['x'], 'y.txt');
    Object.defineProperty(inFolder, 'webkitRelativePath', { value: 'dir/sub/y.txt' });
    expect(filesFromList([inFolder, new File(['z'], 'z.txt')]).map((f) => f.path)).toEqual(['dir/sub/y.txt', 'z.txt']);
  });

  it('falls back to dataTransfer.files when the drop carries no entries (synthetic drops, old browsers)', async () => {
    const a = new File(['a'], 'a.txt');
    const dt = {
      items: [{ kind: 'file', webkitGetAsEntry: () => null }],
      files: [a],
    } as unknown as DataTransfer;
    const files = await captureDrop(dt)();
    expect(files).toEqual([{ file: a, path: 'a.txt' }]);
  });

  it('walks the entries when every dropped item has one', async () => {
    const dt = {
      items: [{ kind: 'file', webkitGetAsEntry: () => dirEntry('d', [fileEntry('e.txt')]) }],
      files: [new File([], 'd')],
    } as unknown as DataTransfer;
    expect((await captureDrop(dt)()).map((f) => f.path)).toEqual(['d/e.txt']);
  });
});
