import type { OutgoingHttpHeaders } from 'node:http';

/** Types a browser shows without running anything of the object's own (images, media, plain text). */
const PASSIVE =
  /^(image\/(?!svg)[\w.+-]+|audio\/[\w.+-]+|video\/[\w.+-]+|font\/[\w.+-]+|text\/(plain|csv)|application\/(json|pdf|octet-stream|zip|gzip))$/;

/**
 * Headers that keep an object's own content from acting in the emulator's origin, which also serves the
 * sign-in pages (on AWS, S3 and Cognito are separate origins). HTML, SVG, XML and any type not known to be
 * passive open in a sandbox (an opaque origin: no script, no reading the login page, no signed calls),
 * and no type is sniffed into an active one.
 */
export function contentSafetyHeaders(contentType: unknown): OutgoingHttpHeaders {
  const type = String(contentType ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  return {
    'X-Content-Type-Options': 'nosniff',
    ...(PASSIVE.test(type) ? {} : { 'Content-Security-Policy': 'sandbox' }),
  };
}
