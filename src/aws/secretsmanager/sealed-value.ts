/**
 * A secret value on its way to AWS. Mutation variables live in the QueryClient's mutation cache (and
 * its devtools), so the text sits in a private field: it has no enumerable property, and printing,
 * JSON or a cache dump shows only a placeholder.
 */
export class SealedValue {
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  /** The text itself, for the one SDK call that sends it. */
  open(): string {
    return this.#text;
  }

  /** UTF-8 size in bytes (AWS's 64 KB limit counts bytes). */
  get size(): number {
    return new TextEncoder().encode(this.#text).length;
  }

  toJSON(): string {
    return '[secret value]';
  }

  toString(): string {
    return '[secret value]';
  }
}

export function sealValue(text: string): SealedValue {
  return new SealedValue(text);
}
