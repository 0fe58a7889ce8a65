import { pathTo, routes } from '../../app/routes';

/** The logs page on a function's group: following its output, or filtered to one request. */
export function functionLogsHref(name: string, requestId?: string): string | undefined {
  return pathTo(
    routes.logs,
    {},
    {
      group: `/aws/lambda/${name}`,
      ...(requestId ? { filter: `"${requestId}"`, range: '1h' } : { follow: '1', range: '5m' }),
    },
  );
}
