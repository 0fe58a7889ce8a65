import { withClient } from '../clients';
import { loadSdk } from '../sdk-modules';
import { currentSession } from '../session';

/** SigV4 presigning allows at most 7 days. */
export const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

export interface Presigned {
  /** When the link stops working: the chosen expiry, or the signing credentials' end if sooner. */
  expiresAt: Date;
  /** True when the session's credentials expire before the chosen time (the link dies with them). */
  isCutShort: boolean;
}

/** Credentials ending less than this before the chosen time do not cut the link short in any way a person notices. */
const CUT_SHORT_SLACK_MS = 60_000;

/** The earlier of the chosen end and the credentials' end; cut short only when that is a minute or more sooner. */
export function linkExpiry(chosenEnd: number, credentialsEnd: number | undefined): Presigned {
  if (credentialsEnd === undefined || credentialsEnd >= chosenEnd)
    return { expiresAt: new Date(chosenEnd), isCutShort: false };
  return { expiresAt: new Date(credentialsEnd), isCutShort: chosenEnd - credentialsEnd >= CUT_SHORT_SLACK_MS };
}

/** The earlier of now + seconds and the current credentials' expiration. */
export function realExpiry(seconds: number, now = Date.now()): Presigned {
  return linkExpiry(now + seconds * 1000, currentSession().credentials.snapshot()?.expiration?.getTime());
}

export interface PresignGetParams {
  region: string;
  bucket: string;
  key: string;
  expiresIn: number;
  /** Content-Disposition: attachment, so the browser saves instead of showing it. */
  asAttachment?: boolean;
}

/** "attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf" (RFC 6266), with an ASCII fallback name. */
export function attachmentDisposition(key: string): string {
  const name = key.split('/').filter(Boolean).pop() ?? 'download';
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function presignGet(params: PresignGetParams): Promise<Presigned & { url: string }> {
  const [{ getSignedUrl }, s3] = await Promise.all([import('@aws-sdk/s3-request-presigner'), loadSdk('s3')]);
  const expiresIn = Math.min(Math.max(1, Math.round(params.expiresIn)), MAX_PRESIGN_SECONDS);
  const url = await withClient('s3', params.region, (client) =>
    getSignedUrl(
      client,
      new s3.GetObjectCommand({
        Bucket: params.bucket,
        Key: params.key,
        ...(params.asAttachment ? { ResponseContentDisposition: attachmentDisposition(params.key) } : {}),
      }),
      { expiresIn },
    ),
  );
  return { url, ...realExpiry(expiresIn) };
}

export interface UploadLinkParams {
  region: string;
  bucket: string;
  /** Uploads land under this prefix, with the uploader's file name. */
  prefix: string;
  minBytes: number;
  maxBytes: number;
  /** e.g. "image/"; empty allows any Content-Type. */
  contentTypePrefix: string;
  expiresIn: number;
}

export interface UploadLink extends Presigned {
  url: string;
  fields: Record<string, string>;
}

/** A presigned POST policy: anyone with it may upload under `prefix`, within the size and type limits. */
export async function presignUploadLink(params: UploadLinkParams): Promise<UploadLink> {
  const { createPresignedPost } = await import('@aws-sdk/s3-presigned-post');
  const expiresIn = Math.min(Math.max(1, Math.round(params.expiresIn)), MAX_PRESIGN_SECONDS);
  const conditions: Array<['content-length-range', number, number] | ['starts-with', string, string]> = [
    ['content-length-range', params.minBytes, params.maxBytes],
  ];
  if (params.contentTypePrefix) conditions.push(['starts-with', '$Content-Type', params.contentTypePrefix]);
  const { url, fields } = await withClient('s3', params.region, (client) =>
    createPresignedPost(client, {
      Bucket: params.bucket,
      Key: `${params.prefix}\${filename}`,
      Conditions: conditions,
      Expires: expiresIn,
    }),
  );
  return { url, fields, ...realExpiry(expiresIn) };
}
