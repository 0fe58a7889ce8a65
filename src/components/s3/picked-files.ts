/** A file chosen for upload, with its path relative to what was dropped or picked ("photos/2024/a.jpg"). */
export interface PickedFile {
  file: File;
  path: string;
}

/**
 * The parts of the File System entries API the walk uses (FileSystemFileEntry / DirectoryEntry), so a
 * test can hand it plain objects: a synthetic drop carries no entries in Chromium.
 */
export interface FileEntryLike {
  isFile: true;
  isDirectory: false;
  name: string;
  file(success: (file: File) => void, failure?: (error: unknown) => void): void;
}

export interface DirectoryReaderLike {
  readEntries(success: (entries: EntryLike[]) => void, failure?: (error: unknown) => void): void;
}

export interface DirectoryEntryLike {
  isFile: false;
  isDirectory: true;
  name: string;
  createReader(): DirectoryReaderLike;
}

export type EntryLike = FileEntryLike | DirectoryEntryLike;

function fileOf(entry: FileEntryLike): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

/** readEntries answers in batches (Chromium: 100 at a time) until it answers an empty one. */
async function readAll(dir: DirectoryEntryLike): Promise<EntryLike[]> {
  const reader = dir.createReader();
  const all: EntryLike[] = [];
  for (;;) {
    const batch = await new Promise<EntryLike[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

/** Every file under the entries, depth first, each with its path from the dropped item's own name. */
export async function walkEntries(entries: readonly EntryLike[]): Promise<PickedFile[]> {
  const out: PickedFile[] = [];
  const visit = async (entry: EntryLike, parent: string): Promise<void> => {
    const path = parent ? `${parent}/${entry.name}` : entry.name;
    if (entry.isFile) {
      out.push({ file: await fileOf(entry), path });
      return;
    }
    for (const child of await readAll(entry)) await visit(child, path);
  };
  for (const entry of entries) await visit(entry, '');
  return out;
}

/** Files from an <input type=file> (with webkitdirectory, each keeps its webkitRelativePath). */
export function filesFromList(list: FileList | readonly File[]): PickedFile[] {
  return Array.from(list, (file) => ({ file, path: file.webkitRelativePath || file.name }));
}

/**
 * What a drop carries, read synchronously inside the drop handler (the DataTransfer is emptied when it
 * returns): folder entries where the browser gives them, else the plain file list.
 */
export function captureDrop(dataTransfer: DataTransfer): () => Promise<PickedFile[]> {
  const entries: EntryLike[] = [];
  let fileItems = 0;
  for (const item of Array.from(dataTransfer.items ?? [])) {
    if (item.kind !== 'file') continue;
    fileItems += 1;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry) entries.push(entry as unknown as EntryLike);
  }
  const files = Array.from(dataTransfer.files ?? []);
  // Entries for every item, or none used: a mix would drop some files or upload a folder as an empty file.
  const useEntries = fileItems > 0 && entries.length === fileItems;
  return async () => (useEntries ? walkEntries(entries) : filesFromList(files));
}
