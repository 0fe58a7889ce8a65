import { AwsError } from '../core/errors.js';

/** Why a request's authentication failed; each service names these differently. */
export type AuthFailure =
  | 'unknown-key'
  | 'bad-signature'
  | 'expired-token'
  | 'invalid-token'
  | 'skewed'
  | 'presign-expired'
  | 'missing'
  | 'malformed'
  | 'malformed-query'
  /** A header that must be signed (x-amz-*, Host, Content-MD5) is not among the signed headers. */
  | 'unsigned-headers'
  /** A signed request from a browser page whose origin the emulator does not allow. */
  | 'disallowed-origin';

type Shape = [code: string, status: number, message?: string];

const SIG_MESSAGE =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const KEY_MESSAGE = 'The security token included in the request is invalid.';
const EXPIRED_MESSAGE = 'The security token included in the request is expired';
const UNSIGNED_MESSAGE = 'The request signature does not conform to AWS standards: these headers must be signed:';
const ORIGIN_MESSAGE =
  "This emulator does not accept requests from the page's origin. Allow it with --cors-origin ORIGIN (or the consoleOrigins / corsOrigins options).";

/** AWS's codes and statuses per service for each failure (S3 InvalidAccessKeyId, DynamoDB UnrecognizedClientException...). */
const SHAPES: Record<string, Partial<Record<AuthFailure, Shape>> & Record<'malformed', Shape>> = {
  s3: {
    'unknown-key': ['InvalidAccessKeyId', 403, 'The AWS Access Key Id you provided does not exist in our records.'],
    'bad-signature': ['SignatureDoesNotMatch', 403],
    'expired-token': ['ExpiredToken', 400, 'The provided token has expired.'],
    'invalid-token': ['InvalidToken', 400, 'The provided token is malformed or otherwise invalid.'],
    skewed: ['RequestTimeTooSkewed', 403, 'The difference between the request time and the current time is too large.'],
    'presign-expired': ['AccessDenied', 403, 'Request has expired'],
    missing: ['AccessDenied', 403, 'Access Denied'],
    malformed: ['AuthorizationHeaderMalformed', 400, 'The authorization header is malformed.'],
    'malformed-query': [
      'AuthorizationQueryParametersError',
      400,
      'The query-string authentication parameters are malformed.',
    ],
    'unsigned-headers': ['AccessDenied', 403, 'There were headers present in the request which were not signed'],
    'disallowed-origin': ['AccessDenied', 403, ORIGIN_MESSAGE],
  },
  dynamodb: {
    'unknown-key': ['UnrecognizedClientException', 400],
    'bad-signature': ['InvalidSignatureException', 400],
    'expired-token': ['ExpiredTokenException', 400],
    'invalid-token': ['UnrecognizedClientException', 400],
    skewed: [
      'InvalidSignatureException',
      400,
      'Signature expired: the request time is more than 15 minutes from the server time.',
    ],
    'presign-expired': ['InvalidSignatureException', 400, 'Signature expired.'],
    missing: ['MissingAuthenticationTokenException', 400, 'Request is missing Authentication Token'],
    malformed: ['IncompleteSignatureException', 400, 'The request signature does not conform to AWS standards.'],
    'unsigned-headers': ['IncompleteSignatureException', 400, UNSIGNED_MESSAGE],
    'disallowed-origin': ['AccessDeniedException', 400, ORIGIN_MESSAGE],
  },
  ec2: {
    'unknown-key': ['AuthFailure', 401, 'AWS was not able to validate the provided access credentials'],
    'bad-signature': ['AuthFailure', 401, 'AWS was not able to validate the provided access credentials'],
    'expired-token': ['RequestExpired', 400, 'Request has expired.'],
    'invalid-token': ['AuthFailure', 401, 'AWS was not able to validate the provided access credentials'],
    skewed: ['RequestExpired', 400, 'Request has expired.'],
    'presign-expired': ['RequestExpired', 400, 'Request has expired.'],
    missing: ['MissingAuthenticationToken', 401, 'Request is missing Authentication Token'],
    malformed: ['AuthFailure', 401, 'AWS was not able to validate the provided access credentials'],
    'unsigned-headers': ['IncompleteSignature', 400, UNSIGNED_MESSAGE],
    'disallowed-origin': ['UnauthorizedOperation', 403, ORIGIN_MESSAGE],
  },
  sqs: {
    'unknown-key': ['InvalidClientTokenId', 403],
    'bad-signature': ['SignatureDoesNotMatch', 403],
    'expired-token': ['ExpiredToken', 403],
    'invalid-token': ['InvalidClientTokenId', 403],
    skewed: [
      'SignatureDoesNotMatch',
      403,
      'Signature expired: the request time is more than 15 minutes from the server time.',
    ],
    'presign-expired': ['AccessDenied', 403, 'Request has expired'],
    missing: ['MissingAuthenticationToken', 403, 'Request is missing Authentication Token'],
    malformed: ['IncompleteSignature', 400, 'The request signature does not conform to AWS standards.'],
    'unsigned-headers': ['IncompleteSignature', 400, UNSIGNED_MESSAGE],
    'disallowed-origin': ['AccessDenied', 403, ORIGIN_MESSAGE],
  },
  sts: {
    'unknown-key': ['InvalidClientTokenId', 403],
    'bad-signature': ['SignatureDoesNotMatch', 403],
    'expired-token': ['ExpiredToken', 400],
    'invalid-token': ['InvalidClientTokenId', 403],
    skewed: [
      'SignatureDoesNotMatch',
      403,
      'Signature expired: the request time is more than 15 minutes from the server time.',
    ],
    'presign-expired': ['SignatureDoesNotMatch', 403, 'Signature expired.'],
    missing: ['MissingAuthenticationToken', 403, 'Request is missing Authentication Token'],
    malformed: ['IncompleteSignature', 400, 'The request signature does not conform to AWS standards.'],
    'unsigned-headers': ['IncompleteSignature', 400, UNSIGNED_MESSAGE],
    'disallowed-origin': ['AccessDenied', 403, ORIGIN_MESSAGE],
  },
};
/** Cognito (both JSON 1.1 APIs) answers like DynamoDB. */
const JSON_DEFAULT = SHAPES.dynamodb as Partial<Record<AuthFailure, Shape>> & Record<'malformed', Shape>;

const DEFAULT_MESSAGES: Partial<Record<AuthFailure, string>> = {
  'unknown-key': KEY_MESSAGE,
  'invalid-token': KEY_MESSAGE,
  'bad-signature': SIG_MESSAGE,
  'expired-token': EXPIRED_MESSAGE,
};

export function authError(service: string, failure: AuthFailure, detail?: string): AwsError {
  const shapes = SHAPES[service] ?? JSON_DEFAULT;
  const shape = shapes[failure] ?? shapes.malformed;
  const [code, status, message] = shape;
  const text = message ?? DEFAULT_MESSAGES[failure] ?? 'Authentication failed';
  // S3 names the headers in an element of its own, as AWS does.
  if (service === 's3' && failure === 'unsigned-headers')
    return new AwsError(code, text, status, { HeadersNotSigned: detail ?? '' });
  return new AwsError(code, detail ? `${text} ${detail}` : text, status);
}

/** The AccessDenied shape per service, with AWS's "User: ARN is not authorized..." message. */
export function accessDeniedError(
  callerArn: string,
  anonymous: boolean,
  service: string,
  action: string,
  resource: string,
): AwsError {
  const base = `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource}`;
  switch (service) {
    case 's3':
      return new AwsError('AccessDenied', anonymous ? 'Access Denied' : base, 403);
    case 'ec2':
      return new AwsError('UnauthorizedOperation', `You are not authorized to perform this operation. ${base}`, 403);
    case 'sqs':
    case 'sts':
      return new AwsError('AccessDenied', base, 403);
    default:
      return new AwsError('AccessDeniedException', base, 400);
  }
}
