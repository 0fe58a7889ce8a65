import { createHash, randomUUID } from 'node:crypto';
import { linkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ObjectRow, S3Store } from '../services/s3/store.js';
import { gradientPng } from './s3-png.js';

/** Demo buckets: demo-assets (a few thousand objects, up to 4 folders deep), demo-logs, empty demo-uploads. */
export const SEED_BUCKETS = ['demo-assets', 'demo-logs', 'demo-uploads'] as const;

interface SeedObject {
  key: string;
  body: Buffer;
  contentType: string;
}

const CATEGORIES = [
  'shoes',
  'shirts',
  'hats',
  'bags',
  'watches',
  'glasses',
  'jackets',
  'socks',
  'scarves',
  'belts',
  'gloves',
  'boots',
  'jeans',
  'dresses',
  'rings',
];
const REGIONS = ['eu-west', 'us-east', 'ap-south', 'sa-east'];
const NAMES = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy'];

function palette(i: number): [number, number, number] {
  return [(i * 67) % 256, (i * 131 + 40) % 256, (i * 29 + 90) % 256];
}

function assetObjects(): SeedObject[] {
  const out: SeedObject[] = [];
  const pngs = Array.from({ length: 24 }, (_, i) => gradientPng(palette(i), palette(i + 7)));
  const json = (v: unknown) => Buffer.from(JSON.stringify(v, null, 2) + '\n');
  const text = (s: string) => Buffer.from(s);
  CATEGORIES.forEach((cat, c) => {
    for (let n = 1; n <= 100; n++) {
      const id = String(n).padStart(3, '0');
      out.push({
        key: `images/products/${cat}/${cat}-${id}.png`,
        body: pngs[(c + n) % pngs.length]!,
        contentType: 'image/png',
      });
    }
  });
  for (let n = 1; n <= 40; n++) {
    out.push({
      key: `images/banners/banner-${String(n).padStart(2, '0')}.png`,
      body: pngs[n % pngs.length]!,
      contentType: 'image/png',
    });
  }
  REGIONS.forEach((region, r) => {
    for (const year of [2024, 2025, 2026]) {
      for (let n = 1; n <= 60; n++) {
        const name = NAMES[(n + r) % NAMES.length]!;
        out.push({
          key: `data/customers/${region}/${year}/customer-${String(n).padStart(4, '0')}.json`,
          body: json({
            id: `${region}-${year}-${n}`,
            name,
            region,
            since: `${year}-01-${String((n % 28) + 1).padStart(2, '0')}`,
            orders: (n * 7) % 23,
          }),
          contentType: 'application/json',
        });
      }
    }
  });
  for (let month = 1; month <= 12; month++) {
    const mm = String(month).padStart(2, '0');
    for (let n = 1; n <= 50; n++) {
      out.push({
        key: `data/orders/2026-${mm}/order-${mm}${String(n).padStart(3, '0')}.json`,
        body: json({
          orderId: `O-${mm}-${n}`,
          customer: NAMES[n % NAMES.length],
          total: ((n * 1337) % 50000) / 100,
          currency: 'EUR',
        }),
        contentType: 'application/json',
      });
    }
  }
  for (let n = 1; n <= 30; n++) {
    out.push({
      key: `docs/notes/note-${String(n).padStart(2, '0')}.txt`,
      body: text(`Note ${n}\n\nPlain text seeded by the emulator.\n`),
      contentType: 'text/plain',
    });
  }
  for (const guide of ['getting-started', 'uploading', 'permissions', 'lifecycle']) {
    out.push({
      key: `docs/guides/${guide}.md`,
      body: text(`# ${guide}\n\nA markdown guide.\n`),
      contentType: 'text/markdown',
    });
  }
  out.push({
    key: 'docs/Quarterly report (draft) é.txt',
    body: text('Keys may hold spaces, brackets and unicode.\n'),
    contentType: 'text/plain',
  });
  out.push({
    key: 'README.txt',
    body: text('demo-assets: seeded by the local AWS emulator.\n'),
    contentType: 'text/plain',
  });
  out.push({
    key: 'index.html',
    body: text('<!doctype html><title>demo</title><h1>demo-assets</h1>\n'),
    contentType: 'text/html',
  });
  out.push({ key: 'empty-folder/', body: Buffer.alloc(0), contentType: 'application/x-directory' });
  return out;
}

function logObjects(): SeedObject[] {
  const out: SeedObject[] = [];
  for (let day = 1; day <= 20; day++) {
    const dd = String(day).padStart(2, '0');
    for (const service of ['api', 'worker']) {
      for (let hour = 0; hour < 24; hour += 4) {
        const hh = String(hour).padStart(2, '0');
        const lines = Array.from(
          { length: 5 },
          (_, i) => `2026-11-${dd}T${hh}:${String(i * 7).padStart(2, '0')}:00Z INFO ${service} request ${i} ok`,
        );
        out.push({
          key: `logs/2026/11/${dd}/${service}-${hh}.log`,
          body: Buffer.from(lines.join('\n') + '\n'),
          contentType: 'text/plain',
        });
      }
    }
  }
  return out;
}

/** Write the demo data straight into the store: small files, one index transaction per bucket. */
export async function seedS3(store: S3Store, region: string): Promise<void> {
  const now = Date.now();
  const plan: Array<[string, SeedObject[]]> = [
    ['demo-assets', assetObjects()],
    ['demo-logs', logObjects()],
    ['demo-uploads', []],
  ];
  // Repeated bodies (the images) are written once and hard-linked: each object still owns its own name.
  const written = new Map<Buffer, { path: string; etag: string }>();
  for (const [bucket, objects] of plan) {
    if (!store.getBucket(bucket)) store.createBucket(bucket, region, now);
    const rows: ObjectRow[] = objects.map((o, i) => {
      let file: string | null = null;
      let etag = written.get(o.body)?.etag;
      if (o.body.length) {
        const id = randomUUID();
        file = `objects/${id.slice(0, 2)}/${id}`;
        const path = store.path(file);
        store.ensureDir(dirname(path));
        const first = written.get(o.body);
        if (first) linkSync(first.path, path);
        else {
          writeFileSync(path, o.body);
          etag = createHash('md5').update(o.body).digest('hex');
          written.set(o.body, { path, etag });
        }
      }
      return {
        bucket,
        key: o.key,
        size: o.body.length,
        etag: etag ?? createHash('md5').update(o.body).digest('hex'),
        lastModified: now - (objects.length - i) * 60_000,
        headers: { contentType: o.contentType, metadata: {} },
        checksumAlgorithm: null,
        checksumValue: null,
        file,
      };
    });
    store.insertObjects(rows);
  }
}
