import type { IncomingMessage } from 'node:http';

/** The parts of a SigV4 credential scope: AKID/DATE/REGION/SERVICE/aws4_request. */
export interface CredentialScope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

const TARGET_PREFIXES: Array<[string, string]> = [
  ['DynamoDB_20120810.', 'dynamodb'],
  ['DynamoDBStreams_20120810.', 'dynamodb'],
  ['AmazonSQS.', 'sqs'],
  ['AWSCognitoIdentityService.', 'cognito-identity'],
  ['AWSCognitoIdentityProviderService.', 'cognito-idp'],
  ['AWSSecurityTokenServiceV20110615.', 'sts'],
];

export function parseCredential(credential: string): CredentialScope | null {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request') return null;
  const [accessKeyId, date, region, service] = parts as [string, string, string, string];
  return { accessKeyId, date, region, service };
}

/** The credential scope of a header-signed or presigned request, or null when unsigned. */
export function credentialScopeOf(req: IncomingMessage, url: URL): CredentialScope | null {
  const auth = req.headers.authorization;
  if (auth) {
    const m = /Credential=([^,\s]+)/.exec(auth);
    return m?.[1] ? parseCredential(m[1]) : null;
  }
  const q = url.searchParams.get('X-Amz-Credential');
  return q ? parseCredential(q) : null;
}

/**
 * Which service a request is for: the credential scope's service, else X-Amz-Target, else S3
 * (unsigned S3 requests are plain REST calls on a bucket path).
 */
export function serviceOf(req: IncomingMessage, url: URL): string {
  const scope = credentialScopeOf(req, url);
  if (scope) return scope.service;
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') {
    for (const [prefix, service] of TARGET_PREFIXES) if (target.startsWith(prefix)) return service;
  }
  return 's3';
}

/** SigV4 region of the request, falling back to the emulator's default. */
export function regionOf(req: IncomingMessage, url: URL, fallback: string): string {
  return credentialScopeOf(req, url)?.region ?? fallback;
}
