/** The flat `Name.1.Sub=value` parameters of one query-protocol request (EC2, SQS's older clients, STS). */
export type QueryParams = Map<string, string>;

/** Parse a form body and the URL's query string (body wins). Never throws. */
export function parseQueryParams(body: Buffer | null, url?: URL): QueryParams {
  const params: QueryParams = new Map();
  if (url) for (const [k, v] of url.searchParams) params.set(k, v);
  if (body && body.length) for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params.set(k, v);
  return params;
}
