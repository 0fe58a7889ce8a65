import { AwsError } from '../../core/errors.js';
import { invalidParameter, missingParameter } from './errors.js';

/** Typed reads of a JSON-shaped operation input (query requests are converted to this shape first). */
export type Input = Record<string, unknown>;

const wrongType = (name: string, expected: string) =>
  new AwsError('SerializationException', `Value for parameter ${name} must be a ${expected}.`, 400);

export function optString(input: Input, name: string): string | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw wrongType(name, 'string');
  return v;
}

export function reqString(input: Input, name: string): string {
  const v = optString(input, name);
  if (v === undefined || v === '') throw missingParameter(name);
  return v;
}

/** An integer within [min, max], or undefined when absent. */
export function optInt(input: Input, name: string, min: number, max: number, reason?: string): number | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  const n = typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw wrongType(name, 'integer');
  if (n < min || n > max) throw invalidParameter(name, n, reason ?? `Must be between ${min} and ${max}, if provided.`);
  return n;
}

export function optStringList(input: Input, name: string): string[] {
  const v = input[name];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) throw wrongType(name, 'list of strings');
  return v as string[];
}

export function optStringMap(input: Input, name: string): Record<string, string> {
  const v = input[name];
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw wrongType(name, 'map');
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) {
    if (typeof val !== 'string') throw wrongType(`${name}.${k}`, 'string');
    out[k] = val;
  }
  return out;
}

export function optObjectList(input: Input, name: string): Input[] {
  const v = input[name];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((e) => !e || typeof e !== 'object' || Array.isArray(e)))
    throw wrongType(name, 'list of structures');
  return v as Input[];
}
