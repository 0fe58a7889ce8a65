import type { S3Client } from '@aws-sdk/client-s3';
import { getSession, loadSdk, type Session } from '../clients';
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

const transferClients = new WeakMap<Session, Map<string, Promise<S3Client>>>();

/** An S3 client for uploads: the console's settings plus SDK retries. One per (session, region). */
export function transferClient(region: string): Promise<S3Client> {
  const session = getSession();
  let byRegion = transferClients.get(session);
  if (!byRegion) {
    byRegion = new Map();
    transferClients.set(session, byRegion);
  }
  let client = byRegion.get(region);
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
    byRegion.set(region, client);
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

interface PartInput {
  Body?: unknown;
  PartNumber?: number;
}

/** In a browser, fetch sends a Blob from the file itself; a Uint8Array body crawls through the renderer. */
const sendsBlobSlices = typeof window !== 'undefined' && typeof Blob !== 'undefined';

/**
 * lib-storage reads the file's stream into 8 MiB byte arrays. Chromium sends such bodies at about 9 MB/s
 * here, while a slice of the File itself goes at the disk's speed (measured: 9 vs 184 MB/s to a local
 * server). So in a browser lib-storage is given a stand-in stream of the file's length (it plans the parts
 * and counts progress from it, without reading the file), and each part is sent as that slice of the file.
 */
function useFileSlice(input: PartInput, file: Blob, partSize: number): void {
  const body = input.Body as { byteLength?: number; size?: number } | undefined;
  const length = body?.byteLength ?? body?.size;
  const start = input.PartNumber === undefined ? 0 : (input.PartNumber - 1) * partSize;
  const slice = input.PartNumber === undefined ? file : file.slice(start, start + partSize);
  // The stand-in holds no data: a part that does not line up with the file must never be sent.
  if (slice.size !== length)
    throw new Error(`Part ${input.PartNumber ?? 1} does not line up with the file (${length} vs ${slice.size} bytes)`);
  input.Body = slice;
}

/** A stream of `size` zero bytes in parts of `partSize`, made as lib-storage asks for them. */
function standInStream(size: number, partSize: number): ReadableStream<Uint8Array> {
  let made = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (made >= size) return controller.close();
      const n = Math.min(partSize, size - made);
      made += n;
      controller.enqueue(new Uint8Array(n));
    },
  });
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
      if (sendsBlobSlices) useFileSlice(command.input as PartInput, params.body, partSize);
      return client.send(command as never, { ...opts, abortSignal: signal });
    }
    return client.send(command as never, opts);
  }) as S3Client['send'];

  const upload = new Upload({
    client: view,
    params: {
      ...objectParams(params),
      Body: sendsBlobSlices ? standInStream(params.body.size, partSize) : params.body,
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
