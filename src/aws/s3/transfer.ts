import type { S3Client } from '@aws-sdk/client-s3';
import { loadSdk } from '../sdk-modules';
import { currentSession } from '../session';
import { endpointFor } from '../config';
import { toAppError } from '../errors';

/** Files above one part go multipart (parallel parts, each retried on its own). */
export const PART_SIZE = 8 * 1024 * 1024;
const PARTS_IN_FLIGHT = 6;
const BIG_FILE = 128 * 1024 * 1024;
/**
 * Attempts per request for transfers. The console's clients make one attempt (the query client owns
 * retries), but a part of a 2 GiB upload must survive one 500 or throttle without failing the file,
 * and lib-storage does not retry parts itself: the SDK's standard retry does, per part.
 */
const TRANSFER_ATTEMPTS = 4;

/** An S3 client for uploads: the console's settings plus SDK retries. One per (session, region). */
export function transferClient(region: string): Promise<S3Client> {
  const session = currentSession();
  const key = `transfer|s3|${region}`;
  let client = session.clients.get(key) as Promise<S3Client> | undefined;
  if (!client) {
    const endpoint = endpointFor(session.config, 's3');
    client = loadSdk('s3').then(({ S3Client }) => {
      const s3 = new S3Client({
        region,
        ...(endpoint ? { endpoint } : {}),
        forcePathStyle: endpoint !== undefined,
        credentials: () => session.credentials.get(),
        maxAttempts: TRANSFER_ATTEMPTS,
        // WHEN_REQUIRED: the default checksum path breaks Blob bodies in browsers (aws-sdk-js-v3#6834).
        requestChecksumCalculation: 'WHEN_REQUIRED',
      });
      s3.middlewareStack.add(unsignedPayload, { step: 'build', name: 'consoleUnsignedPayload' });
      return s3;
    });
    session.clients.set(key, client);
  }
  return client;
}

/**
 * Sign uploads with UNSIGNED-PAYLOAD, as the AWS CLI does over HTTPS. Otherwise SigV4 hashes every body
 * on the page's main thread, and the SDK's WebCrypto hasher falls back to JavaScript SHA-256 at 8 MiB
 * (exactly one part): measured here, that held a 512 MiB upload to a tenth of the CLI's speed.
 */
const unsignedPayload =
  <I, O>(next: (args: { input: I; request: unknown }) => Promise<O>) =>
  (args: { input: I; request: unknown }): Promise<O> => {
    const request = args.request as { headers?: Record<string, string> } | undefined;
    if (request?.headers) request.headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
    return next(args);
  };

export interface UploadParams {
  region: string;
  bucket: string;
  key: string;
  /** A File or Blob; sent in slices, never read whole into memory. */
  body: Blob;
  contentType?: string;
  serverSideEncryption?: 'AES256';
}

export interface UploadOptions {
  signal: AbortSignal;
  /** Bytes sent so far (after each part for multipart uploads). */
  onProgress?: (loaded: number) => void;
}

function objectParams(p: UploadParams) {
  return {
    Bucket: p.bucket,
    Key: p.key,
    ContentType: p.contentType || p.body.type || 'application/octet-stream',
    ...(p.serverSideEncryption ? { ServerSideEncryption: p.serverSideEncryption } : {}),
  };
}

type S3Sdk = Awaited<ReturnType<typeof loadSdk<'s3'>>>;

/** In a browser, fetch sends a Blob from the file itself; a Uint8Array body crawls through the renderer. */
const sendsBlobSlices = typeof window !== 'undefined' && typeof Blob !== 'undefined';

/**
 * What lib-storage is given in a browser instead of the file's bytes. It plans the parts by slicing this
 * (`subarray`) and counts progress from `byteLength`, and each part it sends is a FileRange that only
 * names its bytes; `sendRangeOfFile` swaps it for that slice of the File as the request goes out.
 *
 * Why: lib-storage reads a Blob's stream into byte arrays (copying each part twice), and Chromium sends a
 * byte-array body at about 9 MB/s here, while a slice of the File itself goes at the disk's speed
 * (measured: 9 vs 184 MB/s to a local server). This way nothing of the file passes through the page.
 */
class FileRange extends Uint8Array<ArrayBuffer> {
  override readonly byteLength: number;
  constructor(
    readonly start: number,
    readonly end: number,
  ) {
    super(new ArrayBuffer(0));
    this.byteLength = end - start;
  }
  override subarray(begin = 0, finish = this.byteLength): FileRange {
    const from = this.start + Math.max(0, Math.min(begin, this.byteLength));
    return new FileRange(from, Math.max(from, this.start + Math.min(finish, this.byteLength)));
  }
}

/** Give a part (or the single PutObject) its slice of the file; a body that is not a FileRange is refused. */
function sendRangeOfFile(input: { Body?: unknown }, file: Blob): void {
  const range = input.Body;
  // Nothing but a FileRange holds no data: anything else here would upload the wrong bytes.
  if (!(range instanceof FileRange)) throw new Error('An upload part was not a range of the file');
  input.Body = file.slice(range.start, range.end);
}

/**
 * Upload one file through lib-storage: one PutObject up to the threshold, else a multipart upload with
 * parallel parts, aborted on cancel or failure so no parts stay behind.
 */
export async function uploadObject(params: UploadParams, options: UploadOptions): Promise<void> {
  const [client, s3, { Upload }] = await Promise.all([
    transferClient(params.region),
    loadSdk('s3'),
    import('@aws-sdk/lib-storage'),
  ]);
  const { signal } = options;
  // Big files go in bigger parts: half the requests (each with its preflight and signature) per byte.
  const partSize = Math.max(
    params.body.size > BIG_FILE ? 2 * PART_SIZE : PART_SIZE,
    Math.ceil(params.body.size / 10_000),
  );
  // lib-storage sends no abort signal with its requests, and on abort it sends AbortMultipartUpload only
  // after the parts in flight end. So: parts get the task's signal (cancel stops them at once), while
  // CreateMultipartUpload never does (its id must not be lost), and we abort the upload ourselves.
  let created: Promise<string | undefined> | undefined;
  const view = Object.create(client) as S3Client;
  view.send = ((command: unknown, opts?: { abortSignal?: AbortSignal }) => {
    if (command instanceof s3.CreateMultipartUploadCommand) {
      const sent = client.send(command, opts);
      created = sent.then(
        (out) => out.UploadId,
        () => undefined,
      );
      return sent;
    }
    if (command instanceof s3.UploadPartCommand || command instanceof s3.PutObjectCommand) {
      if (sendsBlobSlices) sendRangeOfFile(command.input, params.body);
      return client.send(command as never, { ...opts, abortSignal: signal });
    }
    return client.send(command as never, opts);
  }) as S3Client['send'];

  const upload = new Upload({
    client: view,
    params: {
      ...objectParams(params),
      Body: sendsBlobSlices ? new FileRange(0, params.body.size) : params.body,
      ContentLength: params.body.size,
    },
    // lib-storage sends one PutObject when the body fits in one part: 8 MiB is also the multipart threshold.
    partSize,
    queueSize: PARTS_IN_FLIGHT,
    leavePartsOnError: false,
  });
  upload.on('httpUploadProgress', (p) => {
    if (p.loaded !== undefined) options.onProgress?.(p.loaded);
  });
  const onAbort = () => void upload.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    if (signal.aborted) throw Object.assign(new Error('Upload cancelled'), { name: 'AbortError' });
    await upload.done();
  } catch (e) {
    // Whatever lib-storage managed, make sure no parts stay behind (they are billed and invisible).
    const uploadId = upload.uploadId ?? (await created);
    if (uploadId) {
      try {
        await abortQuietly(client, s3, params, uploadId);
      } catch (abortError) {
        throw new Error(
          `${e instanceof Error ? e.message : String(e)}; its parts could not be removed (${abortError instanceof Error ? abortError.message : String(abortError)}): abort upload ${uploadId} under Unfinished uploads`,
          { cause: e },
        );
      }
    }
    throw e;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

async function abortQuietly(client: S3Client, s3: S3Sdk, params: UploadParams, uploadId: string): Promise<void> {
  try {
    await client.send(
      new s3.AbortMultipartUploadCommand({ Bucket: params.bucket, Key: params.key, UploadId: uploadId }),
    );
  } catch (e) {
    // lib-storage may have aborted it first.
    if (toAppError(e).kind !== 'not-found') throw e;
  }
}
