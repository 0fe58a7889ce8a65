import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import { unzipSync } from 'fflate';
import { AwsError } from '../../core/errors.js';

/** AWS's limit for a zip uploaded in the request (50 MB) and for the unzipped code (250 MB). */
export const MAX_ZIP_BYTES = 50 * 1024 * 1024;
const MAX_UNZIPPED_BYTES = 250 * 1024 * 1024;

export function codeSha256(zip: Buffer): string {
  return createHash('sha256').update(zip).digest('base64');
}

/** The entries of a deployment package; InvalidParameterValueException when it is not a usable zip. */
export function readZip(zip: Buffer): Record<string, Uint8Array> {
  if (zip.length > MAX_ZIP_BYTES)
    throw new AwsError('RequestEntityTooLargeException', `Zipped code size exceeds ${MAX_ZIP_BYTES} bytes`, 413);
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(zip.buffer, zip.byteOffset, zip.length));
  } catch {
    throw new AwsError(
      'InvalidParameterValueException',
      'Could not unzip uploaded file. Please check your file, then try to upload again.',
    );
  }
  let total = 0;
  for (const [name, data] of Object.entries(entries)) {
    total += data.length;
    const clean = normalize(name);
    if (clean.startsWith('..') || clean.startsWith(sep) || name.includes('\0')) {
      throw new AwsError('InvalidParameterValueException', `The zip entry "${name}" points outside the package`);
    }
  }
  if (total > MAX_UNZIPPED_BYTES)
    throw new AwsError(
      'InvalidParameterValueException',
      `Unzipped size must be smaller than ${MAX_UNZIPPED_BYTES} bytes`,
    );
  return entries;
}

/**
 * Unpack a package once into `dir` (a folder per code hash, so a warm instance never sees its code change).
 * A .js file without a package.json around it is CommonJS, as in AWS's Node.js runtimes.
 */
export function extractCode(zip: Buffer, dir: string): void {
  if (existsSync(dir)) return;
  const tmp = `${dir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  for (const [name, data] of Object.entries(readZip(zip))) {
    if (name.endsWith('/')) continue;
    const file = join(tmp, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, data);
  }
  mkdirSync(tmp, { recursive: true });
  if (!existsSync(join(tmp, 'package.json'))) writeFileSync(join(tmp, 'package.json'), '{"type":"commonjs"}\n');
  renameSync(tmp, dir);
}
