// S3 figures for `npm run bench:emulator`: small PutObject/s, a ListObjectsV2 page over 1,000,000 keys,
// and a 1 GiB multipart upload's throughput with the process's peak RSS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { startTestEmulator } from '../emulator/testing.js';
import { bulkLoadSyntheticKeys } from '../emulator/services/s3/bulk-load.js';
import { listPage } from '../emulator/services/s3/list-objects.js';
import { S3Store } from '../emulator/services/s3/store.js';

const MiB = 1024 * 1024;
/** Overridable for a quick run on a busy machine; the issue asks for 1 GiB and 1,000,000 keys. */
const MULTIPART_MIB = Number(process.env.S3_BENCH_MULTIPART_MIB ?? 1024);
const LIST_KEYS = Number(process.env.S3_BENCH_LIST_KEYS ?? 1_000_000);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function smallPuts(s3: S3Client, bucket: string, seconds = 2, concurrency = 8): Promise<number> {
  const body = Buffer.alloc(1024, 'x');
  const end = performance.now() + seconds * 1000;
  let done = 0;
  const worker = async (w: number) => {
    for (let i = 0; performance.now() < end; i++) {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `small/${w}/${i}`, Body: body }));
      done++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  return done / ((performance.now() - started) / 1000);
}

async function listingOverMillion(): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-s3-list-'));
  try {
    let started = performance.now();
    bulkLoadSyntheticKeys(dataDir, 'bench-million', LIST_KEYS);
    const loadSeconds = (performance.now() - started) / 1000;
    // The same pages measured at the index alone (no HTTP, XML or SDK parsing).
    const store = new S3Store(join(dataDir, 's3'));
    const index: number[] = [];
    const indexFolders: number[] = [];
    try {
      for (let i = 0; i < 20; i++) {
        const from = Buffer.from(`folder-${String(i * 5).padStart(3, '0')}/`);
        started = performance.now();
        listPage(store, 'bench-million', '', '', from, 1000);
        index.push(performance.now() - started);
        started = performance.now();
        listPage(store, 'bench-million', '', '/', Buffer.alloc(0), 1000);
        indexFolders.push(performance.now() - started);
      }
    } finally {
      store.close();
    }
    const emu = await startTestEmulator({ dataDir });
    try {
      const s3 = new S3Client({ ...emu.clientConfig, forcePathStyle: true });
      const flat: number[] = [];
      let token: string | undefined;
      await s3.send(new ListObjectsV2Command({ Bucket: 'bench-million', MaxKeys: 1000 })); // warm-up
      for (let i = 0; i < 20; i++) {
        started = performance.now();
        const page = await s3.send(
          new ListObjectsV2Command({ Bucket: 'bench-million', MaxKeys: 1000, ContinuationToken: token }),
        );
        flat.push(performance.now() - started);
        if ((page.KeyCount ?? 0) !== 1000) throw new Error(`expected 1000 keys, got ${page.KeyCount}`);
        token = page.NextContinuationToken;
      }
      // The same pages fetched raw (signed, unparsed): the emulator's share of the SDK figure above.
      const raw: number[] = [];
      const signer = new SignatureV4({
        service: 's3',
        region: emu.region,
        credentials: emu.credentials,
        sha256: Sha256,
      });
      const base = new URL(emu.url);
      token = undefined;
      for (let i = 0; i < 20; i++) {
        const query: Record<string, string> = { 'list-type': '2', ...(token ? { 'continuation-token': token } : {}) };
        started = performance.now();
        const signed = await signer.sign(
          new HttpRequest({
            method: 'GET',
            protocol: 'http:',
            hostname: base.hostname,
            port: Number(base.port),
            path: '/bench-million',
            query,
            headers: { host: base.host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
          }),
        );
        const res = await fetch(`${emu.url}/bench-million?${new URLSearchParams(query).toString()}`, {
          headers: signed.headers,
        });
        const text = await res.text();
        raw.push(performance.now() - started);
        token = /<NextContinuationToken>([^<]+)</.exec(text)?.[1];
      }
      // Root folders (100 common prefixes over all the keys) and one folder's subfolders: seeks, not scans.
      const folders: number[] = [];
      for (let i = 0; i < 20; i++) {
        started = performance.now();
        const page = await s3.send(
          new ListObjectsV2Command({
            Bucket: 'bench-million',
            Delimiter: '/',
            Prefix: i % 2 ? `folder-${String(i).padStart(3, '0')}/` : '',
          }),
        );
        folders.push(performance.now() - started);
        if (!page.CommonPrefixes?.length) throw new Error('expected common prefixes');
      }
      return {
        listKeys: LIST_KEYS,
        listIndexPageMs: median(index),
        listIndexDelimiterPageMs: median(indexFolders),
        listBulkLoadSeconds: loadSeconds,
        listObjectsV2PageMs: median(flat),
        listObjectsV2RawHttpPageMs: median(raw),
        listObjectsV2DelimiterPageMs: median(folders),
      };
    } finally {
      await emu.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A body generated on the fly, so the only buffering is the SDK's part queue. */
function generatedBody(bytes: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= bytes) {
        this.push(null);
        return;
      }
      const n = Math.min(MiB, bytes - sent);
      const chunk = Buffer.allocUnsafe(n);
      chunk.fill(sent & 0xff);
      sent += n;
      this.push(chunk);
    },
  });
}

async function multipart(s3: S3Client, bucket: string): Promise<Record<string, number>> {
  const bytes = MULTIPART_MIB * MiB;
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  const started = performance.now();
  try {
    await new Upload({
      client: s3,
      params: { Bucket: bucket, Key: 'big.bin', Body: generatedBody(bytes) },
      partSize: 8 * MiB,
      queueSize: 4,
    }).done();
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'big.bin' }));
  return { multipartMiB: MULTIPART_MIB, multipartMBps: bytes / 1e6 / seconds, multipartPeakRssMiB: peak / MiB };
}

export async function benchS3(clientConfig: S3ClientConfig): Promise<Record<string, number>> {
  const s3 = new S3Client({ ...clientConfig, forcePathStyle: true });
  const bucket = `bench-s3-${Date.now()}`;
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  const putsPerSecond = await smallPuts(s3, bucket);
  const listing = await listingOverMillion();
  const upload = await multipart(s3, bucket);
  return { smallPutObjectPerSecond: putsPerSecond, ...listing, ...upload };
}
