/** A Host header as HTTP allows it: a DNS name, IPv4 address or [IPv6] literal, with an optional port 0-65535. */
const HOST =
  /^(?:[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*\.?|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/i;

export function validHost(value: string): boolean {
  const m = HOST.exec(value);
  if (!m) return false;
  return m[1] === undefined || Number(m[1]) <= 65535;
}
