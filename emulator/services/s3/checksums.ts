import { createHash, type Hash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { Crc32c } from '@aws-crypto/crc32c';

/** Additional checksum algorithms S3 verifies and stores (CRC64NVME is accepted but not computed). */
export const CHECKSUM_ALGORITHMS = ['CRC32', 'CRC32C', 'SHA1', 'SHA256'] as const;
export type ChecksumAlgorithm = (typeof CHECKSUM_ALGORITHMS)[number];

export function toChecksumAlgorithm(name: string | undefined | null): ChecksumAlgorithm | null {
  const upper = (name ?? '').toUpperCase();
  return (CHECKSUM_ALGORITHMS as readonly string[]).includes(upper) ? (upper as ChecksumAlgorithm) : null;
}

/** Header name carrying an algorithm's value, e.g. x-amz-checksum-crc32. */
export const checksumHeader = (algorithm: ChecksumAlgorithm): string => `x-amz-checksum-${algorithm.toLowerCase()}`;

/** Raw digest length in bytes, to validate the base64 a caller sent. */
export const DIGEST_BYTES: Record<ChecksumAlgorithm, number> = { CRC32: 4, CRC32C: 4, SHA1: 20, SHA256: 32 };

export interface Hasher {
  update(data: Buffer): void;
  /** Raw digest bytes. */
  digest(): Buffer;
}

function crcBytes(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value >>> 0);
  return out;
}

function fromHash(hash: Hash): Hasher {
  return { update: (d) => void hash.update(d), digest: () => hash.digest() };
}

export function createHasher(algorithm: ChecksumAlgorithm | 'MD5'): Hasher {
  switch (algorithm) {
    case 'CRC32': {
      let value = 0;
      return { update: (d) => void (value = crc32(d, value)), digest: () => crcBytes(value) };
    }
    case 'CRC32C': {
      const c = new Crc32c();
      return { update: (d) => void c.update(d), digest: () => crcBytes(c.digest()) };
    }
    case 'SHA1':
      return fromHash(createHash('sha1'));
    case 'SHA256':
      return fromHash(createHash('sha256'));
    case 'MD5':
      return fromHash(createHash('md5'));
  }
}

/** Checksum of checksums, as S3 reports for a multipart object: base64(digest(concat(parts)))-N. */
export function compositeChecksum(algorithm: ChecksumAlgorithm, partValues: string[]): string {
  const h = createHasher(algorithm);
  for (const v of partValues) h.update(Buffer.from(v, 'base64'));
  return `${h.digest().toString('base64')}-${partValues.length}`;
}
