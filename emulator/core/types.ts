import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CorsGrant, CorsRequest } from './cors-origins.js';

/** The identity a request was signed by, after SigV4 verification. */
export interface Caller {
  /** Access key id the request was signed with ('' when anonymous). */
  accessKeyId: string;
  /** e.g. arn:aws:sts::123456789012:assumed-role/ConsoleAdmin/CognitoIdentityCredentials */
  arn: string;
  accountId: string;
  /** STS GetCallerIdentity's UserId, e.g. AROA...:session */
  userId: string;
  /** Name of the role whose policies apply; null for anonymous callers. */
  roleName: string | null;
  anonymous: boolean;
  /** Set for S3 uploads whose chunks are signed (STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]). */
  chunkSigner?: ChunkSigner;
}

/** Checks chained aws-chunked signatures with the request's signing key, which stays in the auth layer. */
export interface ChunkSigner {
  /** The request's own signature: the first chunk's signature chains from it. */
  readonly seedSignature: string;
  /** Whether `signature` signs a chunk whose data hashes to `dataSha256` (hex), following `previous`. */
  verifyChunk(previous: string, signature: string, dataSha256: string): boolean;
  /** Whether `signature` signs trailer lines hashing to `trailerSha256` (hex), following the final chunk's `previous`. */
  verifyTrailer(previous: string, signature: string, trailerSha256: string): boolean;
}

/** The signature fields of a browser-based POST upload (S3 POST Object), checked by the auth layer. */
export interface PostPolicySignature {
  credential: string;
  amzDate: string;
  /** The base64 policy document, exactly as posted (the signature covers these bytes). */
  policy: string;
  signature: string;
  securityToken?: string;
}

/** What every service gets at start-up. */
export interface ServiceEnv {
  /** The service's own folder in the data folder (created before the service starts). */
  dataDir: string;
  accountId: string;
  defaultRegion: string;
  /** The emulator's base URL, e.g. http://127.0.0.1:4566 (known once the server listens). */
  baseUrl(): string;
  log(message: string): void;
  /** Another service, once all are started (for in-process calls such as Lambda sending to SQS). */
  peer?(name: string): Service | undefined;
  /** Short-lived credentials of a role (a Lambda function's execution role), as STS AssumeRole would give. */
  /** Whether Lambda may run function code (off with --no-lambda, and by default on a non-loopback host). */
  executeFunctions?: boolean;
  roleCredentials?(
    roleName: string,
    sessionName: string,
    ttlSeconds: number,
  ): { accessKeyId: string; secretAccessKey: string; sessionToken: string; expiresAt: number } | null;
}

/** One request, routed to a service, with its caller verified. */
export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Signing name of the service (s3, sqs, ec2, dynamodb, sts, cognito-identity, cognito-idp). */
  service: string;
  region: string;
  requestId: string;
  caller: Caller;
  /**
   * The request body, when the server already read it (every service but S3, whose bodies stream).
   * null for S3: read `req` as a stream.
   */
  body: Buffer | null;
  /**
   * Call once the operation is known, before doing anything: applies injected faults and latency
   * (may throw AwsError or DropConnection).
   */
  begin(operation: string): Promise<void>;
  /**
   * Throws the service's AccessDenied error unless the caller's role allows `action` on every
   * resource ARN given. `context` holds condition keys (e.g. s3:prefix) where a policy may use them.
   */
  authorize(action: string, resource: string | string[], context?: Record<string, string>): void;
  /** Whether the caller is allowed, without throwing (for per-item checks such as DeleteObjects). */
  isAllowed(action: string, resource: string, context?: Record<string, string>): boolean;
  /**
   * S3 POST Object: verify the form's policy signature and make its signer the request's caller (the
   * request itself carries no Authorization header). Throws S3's authentication errors.
   */
  authenticatePostPolicy(input: PostPolicySignature): Promise<void>;
}

export interface Service {
  /** Signing name, used to route requests. */
  readonly name: string;
  handle(ctx: RequestContext): Promise<void>;
  /**
   * Write an error in the service's protocol shape. Used for errors raised outside `handle`
   * (signature checks, injected faults before the operation is known) and for anything `handle` throws
   * before it has started a response.
   */
  writeError(ctx: RequestContext, error: import('./errors.js').AwsError): void;
  /**
   * CORS a resource grants on its own to an origin the emulator does not allow (S3: the bucket's CORS
   * configuration, as on AWS); null or absent: refused.
   */
  corsGrant?(req: IncomingMessage, request: CorsRequest): CorsGrant | null;
  /** Delete all state (the admin API's reset). */
  reset(): Promise<void>;
  /** Write demo data into empty state (on the first start of a data folder that lacks this service's seed). */
  seed?(): Promise<void>;
  close(): Promise<void>;
  /** Largest request body the server buffers for this service (default 32 MiB); 'stream' leaves it unread (S3). */
  maxBody?: number | 'stream';
  /**
   * What the seeded demo roles may do on this service: statements added to the admin and viewer roles
   * the first time a data folder meets the service, so older folders gain them without losing edits.
   */
  demoGrants?: { admin: PolicyStatement[]; viewer: PolicyStatement[] };
  /** Run an operation in-process, as the service itself (no caller, no authorization). */
  internal?(operation: string, input: Record<string, unknown>, region: string): Promise<unknown>;
}

/** A policy statement (the shape of emulator/auth/policy.ts's Statement, kept here so core imports no auth). */
export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: string | string[];
}

export type ServiceFactory = (env: ServiceEnv) => Promise<Service>;
