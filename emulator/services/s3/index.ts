import { rmSync } from 'node:fs';
import type { Service, ServiceFactory } from '../../core/types.js';
import { seedS3 } from '../../seed/s3.js';
import { bucketCorsRules } from './bucket-cors.js';
import { checkContentSha256 } from './content-sha.js';
import { matchCorsRules } from './cors-match.js';
import { readContentSync } from './content.js';
import { S3_OPERATIONS, type S3Input } from './operations.js';
import { checkPresignedExpiry } from './presign.js';
import { operationOf, parseS3Request } from './request.js';
import { writeS3Error } from './response.js';
import { S3Store } from './store.js';
import { AwsError } from '../../core/errors.js';
import { lookupOperation, runOperation } from '../../core/operations.js';

/** S3 over REST-XML: index in SQLite, object bytes in files under the service's data folder. */
export const createS3Service: ServiceFactory = async (env) => {
  let store = new S3Store(env.dataDir);
  const service: Service = {
    name: 's3',
    // Object bodies stream to disk; the server buffers nothing for S3.
    maxBody: 'stream',
    async handle(ctx) {
      const r = parseS3Request(ctx.req);
      const name = operationOf(r, ctx.req);
      const op = lookupOperation(S3_OPERATIONS, name);
      if (!op) throw new AwsError('NotImplemented', `The emulator does not implement ${name}.`, 501);
      // Operations write their own answers (bodies stream), so run's result is not serialized here.
      await runOperation(op, name, ctx, store, () => {
        checkPresignedExpiry(r.query);
        checkContentSha256(ctx.req);
        const input: S3Input = { ctx, store, r, accountId: env.accountId };
        return op.read ? op.read(input) : input;
      });
    },
    writeError: writeS3Error,
    corsGrant(req, request) {
      let bucket: string | null;
      try {
        bucket = parseS3Request(req).bucket;
      } catch {
        return null;
      }
      return bucket ? matchCorsRules(bucketCorsRules(store, bucket), request) : null;
    },
    // In-process reads for other services (Lambda's CreateFunction from an S3 object).
    async internal(operation, input) {
      if (operation !== 'GetObject') throw new AwsError('NotImplemented', `No in-process ${operation}`, 501);
      const bucket = String(input.Bucket ?? '');
      if (!store.getBucket(bucket)) throw new AwsError('NoSuchBucket', 'The specified bucket does not exist', 404);
      const row = store.getObject(bucket, String(input.Key ?? ''));
      if (!row) throw new AwsError('NoSuchKey', 'The specified key does not exist.', 404);
      return {
        Body: readContentSync((f) => store.path(f), row.file, row.size),
        ContentLength: row.size,
        ContentType: row.headers.contentType,
      };
    },
    async reset() {
      store.close();
      for (const name of ['index.db', 'index.db-wal', 'index.db-shm', 'objects', 'parts', 'tmp']) {
        rmSync(`${env.dataDir}/${name}`, { recursive: true, force: true });
      }
      store = new S3Store(env.dataDir);
    },
    async seed() {
      await seedS3(store, env.defaultRegion);
    },
    async close() {
      store.close();
    },
  };
  return service;
};
