/** A log message's JSON body pretty-printed, or undefined when it holds none. */
export function prettyJsonOf(message: string): string | undefined {
  // Lambda's Node runtime prefixes "TIMESTAMP\tREQUEST-ID\tLEVEL\t" before what the function printed.
  const start = message.search(/[{[]/);
  if (start < 0) return undefined;
  const body = message.slice(start).trim();
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const prefix = message.slice(0, start).trim();
    return `${prefix ? `${prefix}\n` : ''}${JSON.stringify(parsed, null, 2)}`;
  } catch {
    return undefined;
  }
}

/** "14:03:07.123" in local time; the date shows on hover. */
export function clockTime(ts: number): string {
  const d = new Date(ts);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}
