import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface LocalKeys {
  accessKeyId: string;
  secretAccessKey: string;
}

/** In the AWS CLI's shared-credentials format, so `AWS_SHARED_CREDENTIALS_FILE=DATA/credentials` is enough. */
export const LOCAL_KEYS_FILE = 'credentials';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * The data folder's static admin keys, made at random on its first start. Fixed well-known keys let any
 * local process, and any web page that gets a request through, act as the admin; these are as easy to
 * copy from the start-up output or the file (mode 0600) but cannot be guessed.
 */
export function localKeys(dataDir: string): LocalKeys {
  const existing = readLocalKeys(dataDir);
  if (existing) return existing;
  const id = [...randomBytes(16)].map((b) => BASE32[b % 32]).join('');
  const keys = { accessKeyId: `LKIA${id}`, secretAccessKey: randomBytes(30).toString('base64url') };
  writeFileSync(
    join(dataDir, LOCAL_KEYS_FILE),
    `# Static admin keys of this emulator data folder (made at its first start)\n[default]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n`,
    { mode: 0o600 },
  );
  return keys;
}

/** The keys kept in a data folder, or null when it has none yet; a damaged file is an error naming it. */
export function readLocalKeys(dataDir: string): LocalKeys | null {
  const file = join(dataDir, LOCAL_KEYS_FILE);
  if (!existsSync(file)) return null;
  const text = readFileSync(file, 'utf8');
  const accessKeyId = /^aws_access_key_id\s*=\s*(\S+)\s*$/m.exec(text)?.[1];
  const secretAccessKey = /^aws_secret_access_key\s*=\s*(\S+)\s*$/m.exec(text)?.[1];
  if (!accessKeyId || !secretAccessKey)
    throw new Error(`${file} has no aws_access_key_id and aws_secret_access_key: delete it to get new keys`);
  return { accessKeyId, secretAccessKey };
}
