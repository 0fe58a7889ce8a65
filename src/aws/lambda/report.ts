/** Figures from a Lambda REPORT log line, in milliseconds and megabytes. */
export interface ReportFigures {
  requestId: string;
  durationMs: number;
  billedDurationMs: number;
  memorySizeMb: number;
  maxMemoryUsedMb: number;
  /** Only on a cold start. */
  initDurationMs?: number;
  /** "Status: timeout" / "error" when AWS adds it (newer runtimes). */
  status?: string;
}

const FIGURE = (label: string) => new RegExp(`${label}:\\s*([\\d.]+)\\s*(?:ms|MB)`);

/**
 * Parse `REPORT RequestId: … Duration: 1.23 ms Billed Duration: 2 ms Memory Size: 128 MB Max Memory
 * Used: 64 MB Init Duration: 150.1 ms` from a log text (the last REPORT line wins); undefined if none.
 */
export function parseReport(log: string): ReportFigures | undefined {
  const line = log
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('REPORT RequestId:'));
  if (!line) return undefined;
  const num = (label: string) => {
    const m = FIGURE(label).exec(line);
    return m?.[1] !== undefined ? Number(m[1]) : undefined;
  };
  const requestId = /RequestId:\s*(\S+)/.exec(line)?.[1] ?? '';
  // "Billed Duration" also contains "Duration": anchor the plain one to a word boundary after a tab/space.
  const duration = /(?:^|\s)Duration:\s*([\d.]+)\s*ms/.exec(line.replace(/Billed Duration|Init Duration/g, '_'))?.[1];
  const billed = num('Billed Duration');
  const memory = num('Memory Size');
  const used = num('Max Memory Used');
  if (duration === undefined || billed === undefined || memory === undefined || used === undefined) return undefined;
  const init = num('Init Duration');
  const status = /Status:\s*(\w+)/.exec(line)?.[1];
  return {
    requestId,
    durationMs: Number(duration),
    billedDurationMs: billed,
    memorySizeMb: memory,
    maxMemoryUsedMb: used,
    ...(init !== undefined ? { initDurationMs: init } : {}),
    ...(status ? { status } : {}),
  };
}

/** `LogType: Tail` answers the last 4 KB of the log as base64 (UTF-8 bytes, maybe cut mid-character). */
export function decodeLogTail(base64: string | undefined): string | undefined {
  if (!base64) return undefined;
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}
