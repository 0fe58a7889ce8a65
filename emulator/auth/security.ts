import type { IncomingMessage } from 'node:http';
import type { AwsError } from '../core/errors.js';
import type { Caller, PostPolicySignature, Service, ServiceEnv } from '../core/types.js';

/** An HTTP route outside the AWS service APIs (the OIDC provider, its login page). */
export interface HttpRoute {
  /** Path prefix the route owns, e.g. '/cognito-idp/'. */
  prefix: string;
  handle(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void>;
}

export interface SecurityOptions {
  /** Static keys mapped to the admin role, for the AWS CLI and scripts. */
  staticCredentials: Array<{ accessKeyId: string; secretAccessKey: string; roleName?: string }>;
  /** Lifetime of identity-pool credentials (default 3600 s). */
  credentialTtlSeconds: number;
  /** Origins the seeded console app client may redirect to. */
  consoleOrigins: string[];
}

/**
 * Everything about who is calling and what they may do: SigV4 verification, the credential store,
 * IAM policy evaluation, and the services that issue identities (Cognito, STS).
 */
export interface Security {
  /** Verify a request's SigV4 signature (header or presigned); throws the service's auth error. */
  authenticate(input: {
    req: IncomingMessage;
    url: URL;
    service: string;
    region: string;
    body: Buffer | null;
  }): Promise<Caller>;
  /** The signer of an S3 POST upload's policy (SigV4 over the base64 policy). */
  authenticatePostPolicy(input: PostPolicySignature): Promise<Caller>;
  /**
   * Checks that need no body (the claim, the signed headers, the key); true when the request is signed.
   * Throws the service's auth error, so an unauthenticated body is never read past a small cap.
   */
  precheck(input: { req: IncomingMessage; service: string }): boolean;
  isAllowed(caller: Caller, action: string, resource: string, context?: Record<string, string>): boolean;
  /** The service's AccessDenied error, with AWS's message form. */
  accessDenied(caller: Caller, service: string, action: string, resource: string): AwsError;
  routes: HttpRoute[];
  services: Service[];
  /**
   * Add a service's statements to the seeded admin and viewer roles, unless a statement with the same
   * Sid is already there (so a person's edits to the role files stay).
   */
  addDemoGrants(grants: NonNullable<Service['demoGrants']>): void;
  /** Credentials of a role for a workload (a Lambda function's execution role); null when the role does not exist. */
  roleCredentials(
    roleName: string,
    sessionName: string,
    ttlSeconds: number,
  ): { accessKeyId: string; secretAccessKey: string; sessionToken: string; expiresAt: number } | null;
  reset(): Promise<void>;
  seed(): Promise<void>;
  close(): Promise<void>;
}

export type SecurityFactory = (env: ServiceEnv, options: SecurityOptions) => Promise<Security>;
