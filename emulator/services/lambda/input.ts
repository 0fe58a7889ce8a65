import { AwsError } from '../../core/errors.js';

/** Typed reads of a Lambda request's JSON members; constraint failures are ValidationException as on AWS. */
export type Json = Record<string, unknown>;

const invalid = (name: string, rule: string) =>
  new AwsError(
    'ValidationException',
    `1 validation error detected: Value at '${name}' failed to satisfy constraint: ${rule}`,
  );

export function optString(input: Json, name: string, max = 4096): string | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw invalid(name, 'Member must be a string');
  if (v.length > max) throw invalid(name, `Member must have length less than or equal to ${max}`);
  return v;
}

export function reqString(input: Json, name: string, max = 4096): string {
  const v = optString(input, name, max);
  if (v === undefined || v === '') throw invalid(name, 'Member must not be null');
  return v;
}

export function optInt(input: Json, name: string, min: number, max: number): number | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw invalid(name, 'Member must be an integer');
  if (v < min) throw invalid(name, `Member must have value greater than or equal to ${min}`);
  if (v > max) throw invalid(name, `Member must have value less than or equal to ${max}`);
  return v;
}

export function optBool(input: Json, name: string): boolean | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw invalid(name, 'Member must be a boolean');
  return v;
}

export function optObject(input: Json, name: string): Json | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw invalid(name, 'Member must be a structure');
  return v as Json;
}

/** A string-to-string map (Environment.Variables, Tags). */
export function optStringMap(input: Json, name: string): Record<string, string> | undefined {
  const v = optObject(input, name);
  if (v === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const [k, value] of Object.entries(v)) {
    if (typeof value !== 'string') throw invalid(`${name}.${k}`, 'Member must be a string');
    out[k] = value;
  }
  return out;
}

export function optStringList(input: Json, name: string): string[] | undefined {
  const v = input[name];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
    throw invalid(name, 'Member must be a list of strings');
  return v as string[];
}

/** A base64 blob member (ZipFile). */
export function optBlob(input: Json, name: string): Buffer | undefined {
  const v = optString(input, name, 80 * 1024 * 1024);
  if (v === undefined) return undefined;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(v)) throw invalid(name, 'Member must be base64');
  return Buffer.from(v, 'base64');
}
