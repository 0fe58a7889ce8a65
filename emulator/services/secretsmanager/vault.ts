import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { atomicWrite } from '../lambda/store.js';
import { chmodSync } from 'node:fs';

/**
 * Secret values at rest: AES-256-GCM under a key kept in its own file (DATA/secretsmanager/master.key,
 * mode 0600), so the index database alone reveals nothing. The secret's ARN and version id are the
 * additional data, so a ciphertext cannot be moved to another secret or version.
 */
export class Vault {
  private readonly key: Buffer;

  constructor(dataDir: string) {
    const file = join(dataDir, 'master.key');
    if (!existsSync(file)) {
      atomicWrite(file, randomBytes(32).toString('base64'));
      chmodSync(file, 0o600);
    }
    this.key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    if (this.key.length !== 32) throw new Error(`${file} does not hold a 256-bit key`);
  }

  seal(plain: Buffer, context: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  open(sealed: Buffer, context: string): Buffer {
    const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(0, 12));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
  }
}
