import { cleanInput, FileRef, type ApiCall } from './call';
import { baseName, outfileOf, pagingOf, type Paging } from './catalog';

/** A call made ready for any language: input cleaned, its body file named, paging split out. */
export interface PreparedCall {
  call: ApiCall;
  /** Input members sent as written (pagination tokens and page size removed for a paginated list). */
  params: Record<string, unknown>;
  paging?: Paging;
  /** The page size the console asked for, which the paginator keeps. */
  pageSize?: number;
  /** The file a body is read from (S3 uploads). */
  bodyFile?: string;
  /** The file a streamed output is written to (GetObject, Invoke). */
  outfile?: string;
}

const BODY_OPERATIONS = new Set(['PutObject', 'UploadPart']);

export function prepare(raw: ApiCall): PreparedCall {
  const input = cleanInput(raw.input);
  const call: ApiCall = { ...raw, input };
  const params = { ...input };
  const prepared: PreparedCall = { call, params };
  const paging = pagingOf(call.service, call.operation);
  if (paging) {
    prepared.paging = paging;
    for (const t of paging.inputTokens) delete params[t];
    if (paging.limitKey && typeof params[paging.limitKey] === 'number') {
      prepared.pageSize = params[paging.limitKey] as number;
      delete params[paging.limitKey];
    }
  }
  if (call.service === 's3' && BODY_OPERATIONS.has(call.operation) && 'Body' in params) {
    const body = params.Body;
    delete params.Body;
    const isEmpty = body === '' || (body instanceof Uint8Array && body.byteLength === 0);
    if (!isEmpty) {
      const named = body instanceof FileRef ? body.name : '';
      prepared.bodyFile = named || baseName(String(params.Key ?? '')) || 'body.bin';
    }
  }
  const outfile = outfileOf(call);
  if (outfile) prepared.outfile = outfile;
  return prepared;
}
