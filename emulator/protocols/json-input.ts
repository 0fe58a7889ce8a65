import { AwsError } from '../core/errors.js';

/** A JSON request's members, as the protocol parsed them (SQS's query requests are converted to this shape). */
export type JsonMembers = Record<string, unknown>;

export type MemberType =
  | 'string'
  | 'boolean'
  | 'number'
  | 'integer'
  | 'structure'
  | 'list of strings'
  | 'map of strings'
  | 'list of structures';

/** What is wrong with one member; each service words it as its own error (`InputErrors`). */
export type InputProblem =
  /** A required member is absent, null or empty. */
  | { kind: 'missing' }
  /** The member has the wrong JSON type; `entry` names the map entry at fault; `required` for required members. */
  | { kind: 'type'; expected: MemberType; entry?: string; required?: boolean }
  | { kind: 'too-long'; max: number }
  | { kind: 'range'; value: number; min: number; max: number; reason?: string }
  | { kind: 'not-base64' };

/** A service's words for bad input: the error AWS answers with for that service. */
export type InputErrors = (member: string, problem: InputProblem) => AwsError;

export interface JsonInputRules {
  errors: InputErrors;
  /** Longest string a member may hold when the call names no limit (Lambda: 4,096). */
  maxStringLength?: number;
  /** Integers may come as decimal strings (SQS: its query protocol sends every value as text). */
  numericStrings?: boolean;
}

/** Typed reads of a JSON request's members, each failure worded by the service's `errors`. */
export interface JsonInputReader {
  optString(input: JsonMembers, name: string, max?: number): string | undefined;
  reqString(input: JsonMembers, name: string, max?: number): string;
  optInt(input: JsonMembers, name: string, min: number, max: number, reason?: string): number | undefined;
  /** Any finite number. */
  optNumber(input: JsonMembers, name: string): number | undefined;
  optBool(input: JsonMembers, name: string): boolean | undefined;
  optObject(input: JsonMembers, name: string): JsonMembers | undefined;
  /** A string-to-string map (Tags, Environment.Variables, Logins); undefined when absent. */
  optStringMap(input: JsonMembers, name: string): Record<string, string> | undefined;
  /** A string-to-string map; {} when absent. */
  stringMap(input: JsonMembers, name: string): Record<string, string>;
  optStringList(input: JsonMembers, name: string): string[] | undefined;
  /** A list of strings; [] when absent. */
  stringList(input: JsonMembers, name: string): string[];
  /** A list of structures; [] when absent. */
  objectList(input: JsonMembers, name: string): JsonMembers[];
  /** A base64 blob member (Lambda's ZipFile). */
  optBlob(input: JsonMembers, name: string, max?: number): Buffer | undefined;
}

const isStruct = (v: unknown): v is JsonMembers => typeof v === 'object' && v !== null && !Array.isArray(v);
const absent = (v: unknown): v is undefined | null => v === undefined || v === null;

/** The one reader of JSON members for every JSON protocol service (JSON 1.0/1.1, REST-JSON, SQS's query shapes). */
export function jsonInputReader(rules: JsonInputRules): JsonInputReader {
  const { errors, maxStringLength = Infinity, numericStrings = false } = rules;
  const optString = (input: JsonMembers, name: string, max = maxStringLength): string | undefined => {
    const v = input[name];
    if (absent(v)) return undefined;
    if (typeof v !== 'string') throw errors(name, { kind: 'type', expected: 'string' });
    if (v.length > max) throw errors(name, { kind: 'too-long', max });
    return v;
  };
  const optStringMap = (input: JsonMembers, name: string): Record<string, string> | undefined => {
    const v = input[name];
    if (absent(v)) return undefined;
    if (!isStruct(v)) throw errors(name, { kind: 'type', expected: 'map of strings' });
    const out: Record<string, string> = {};
    for (const [entry, value] of Object.entries(v)) {
      if (typeof value !== 'string') throw errors(name, { kind: 'type', expected: 'map of strings', entry });
      out[entry] = value;
    }
    return out;
  };
  const optStringList = (input: JsonMembers, name: string): string[] | undefined => {
    const v = input[name];
    if (absent(v)) return undefined;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
      throw errors(name, { kind: 'type', expected: 'list of strings' });
    return v as string[];
  };
  return {
    optString,
    reqString(input, name, max) {
      const v = input[name];
      if (!absent(v) && typeof v !== 'string') throw errors(name, { kind: 'type', expected: 'string', required: true });
      const s = optString(input, name, max);
      if (s === undefined || s === '') throw errors(name, { kind: 'missing' });
      return s;
    },
    optInt(input, name, min, max, reason) {
      const v = input[name];
      if (absent(v)) return undefined;
      const n = numericStrings && typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
      if (typeof n !== 'number' || !Number.isInteger(n)) throw errors(name, { kind: 'type', expected: 'integer' });
      if (n < min || n > max)
        throw errors(name, { kind: 'range', value: n, min, max, ...(reason !== undefined ? { reason } : {}) });
      return n;
    },
    optNumber(input, name) {
      const v = input[name];
      if (absent(v)) return undefined;
      if (typeof v !== 'number' || !Number.isFinite(v)) throw errors(name, { kind: 'type', expected: 'number' });
      return v;
    },
    optBool(input, name) {
      const v = input[name];
      if (absent(v)) return undefined;
      if (typeof v !== 'boolean') throw errors(name, { kind: 'type', expected: 'boolean' });
      return v;
    },
    optObject(input, name) {
      const v = input[name];
      if (absent(v)) return undefined;
      if (!isStruct(v)) throw errors(name, { kind: 'type', expected: 'structure' });
      return v;
    },
    optStringMap,
    stringMap: (input, name) => optStringMap(input, name) ?? {},
    optStringList,
    stringList: (input, name) => optStringList(input, name) ?? [],
    objectList(input, name) {
      const v = input[name];
      if (absent(v)) return [];
      if (!Array.isArray(v) || !v.every(isStruct)) throw errors(name, { kind: 'type', expected: 'list of structures' });
      return v;
    },
    optBlob(input, name, max = 80 * 1024 * 1024) {
      const v = optString(input, name, max);
      if (v === undefined) return undefined;
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(v)) throw errors(name, { kind: 'not-base64' });
      return Buffer.from(v, 'base64');
    },
  };
}

/** AWS's "1 validation error detected" wording, in the error code the service uses for it. */
export const validationMessage = (member: string, constraint: string): string =>
  `1 validation error detected: Value at '${member}' failed to satisfy constraint: ${constraint}`;

/**
 * InvalidParameterException, as Cognito, Secrets Manager and CloudWatch Logs answer: a missing required
 * member in AWS's validation wording, a wrong type as "Name must be a string".
 */
const invalidParameter: InputErrors = (member, problem) => {
  const code = 'InvalidParameterException';
  if (problem.kind === 'missing' || (problem.kind === 'type' && problem.required))
    return new AwsError(code, validationMessage(member, 'Member must not be null'));
  if (problem.kind === 'type') {
    const article = problem.expected === 'integer' ? 'an' : 'a';
    return new AwsError(code, `${member} must be ${article} ${problem.expected}`);
  }
  if (problem.kind === 'range')
    return new AwsError(code, validationMessage(member, `Member must be between ${problem.min} and ${problem.max}`));
  if (problem.kind === 'too-long')
    return new AwsError(
      code,
      validationMessage(member, `Member must have length less than or equal to ${problem.max}`),
    );
  return new AwsError(code, validationMessage(member, 'Member must be base64'));
};

const invalidParameterReader = jsonInputReader({ errors: invalidParameter });

/**
 * A request's members with InvalidParameterException on bad input (Cognito, Secrets Manager, Logs): the
 * operation tables of those services take this as their input.
 */
export class JsonInput {
  constructor(private readonly input: JsonMembers) {}

  str(name: string): string {
    return invalidParameterReader.reqString(this.input, name);
  }

  optStr(name: string): string | undefined {
    return invalidParameterReader.optString(this.input, name);
  }

  optBool(name: string): boolean | undefined {
    return invalidParameterReader.optBool(this.input, name);
  }

  optNum(name: string): number | undefined {
    return invalidParameterReader.optNumber(this.input, name);
  }

  strList(name: string): string[] {
    return invalidParameterReader.stringList(this.input, name);
  }

  /** A string-to-string map (AuthParameters, Logins). */
  strMap(name: string): Record<string, string> {
    return invalidParameterReader.stringMap(this.input, name);
  }

  /** Cognito's AttributeType list (UserAttributes): each entry { Name: string, Value?: string }. */
  attributeList(name: string): Array<{ Name: string; Value?: string }> {
    const v = this.input[name];
    if (absent(v)) return [];
    const valid =
      Array.isArray(v) &&
      v.every((a: unknown) => {
        if (!isStruct(a)) return false;
        const { Name, Value } = a;
        return typeof Name === 'string' && Name !== '' && (absent(Value) || typeof Value === 'string');
      });
    if (!valid)
      throw new AwsError(
        'InvalidParameterException',
        validationMessage(name, 'Member must be a list of attributes with a Name and an optional string Value'),
      );
    return v as Array<{ Name: string; Value?: string }>;
  }

  raw(name: string): unknown {
    return this.input[name];
  }
}
