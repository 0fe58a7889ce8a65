/** 345600 -> "4 days", 90 -> "1 min 30 s". */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined) return '–';
  if (seconds === 0) return '0 s';
  const parts: string[] = [];
  const units: Array<[number, string, string]> = [
    [86_400, 'day', 'days'],
    [3_600, 'h', 'h'],
    [60, 'min', 'min'],
    [1, 's', 's'],
  ];
  let rest = seconds;
  for (const [size, one, many] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      parts.push(`${n} ${n === 1 ? one : many}`);
      rest -= n * size;
    }
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}
