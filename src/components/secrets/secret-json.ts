// How a secret's text maps to key/value rows: AWS's console stores key/value secrets as one flat
// JSON object, so only that shape becomes rows; anything else stays plaintext.

export interface SecretPair {
  key: string;
  value: string;
}

export const MAX_SECRET_BYTES = 65_536;

/** The rows of a flat JSON object (string, number, boolean or null values), or undefined. */
export function pairsOf(text: string): SecretPair[] | undefined {
  if (!text.trimStart().startsWith('{')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const pairs: SecretPair[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value === 'object' && value !== null) return undefined;
    pairs.push({ key, value: typeof value === 'string' ? value : String(value) });
  }
  return pairs;
}

/** Rows as the JSON object AWS's console writes; numbers stay strings (what the user typed). */
export function textOf(pairs: SecretPair[]): string {
  return JSON.stringify(Object.fromEntries(pairs.map((p) => [p.key, p.value])));
}

/** UTF-8 bytes, as AWS counts the 64 KB limit. */
export function byteSize(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** What is wrong with rows, naming the row; undefined when they can be stored. */
export function pairsProblem(pairs: SecretPair[]): string | undefined {
  const seen = new Set<string>();
  for (const [i, p] of pairs.entries()) {
    if (p.key === '') return `Row ${i + 1}: the key is empty`;
    if (seen.has(p.key)) return `Row ${i + 1}: the key "${p.key}" is used twice`;
    seen.add(p.key);
  }
  return undefined;
}
