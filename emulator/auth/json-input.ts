import { AwsError } from '../core/errors.js';

/** Typed reads of a JSON 1.1 request's members, with Cognito's InvalidParameterException on bad input. */
export class JsonInput {
  constructor(private readonly input: Record<string, unknown>) {}

  str(name: string): string {
    const v = this.input[name];
    if (typeof v !== 'string' || v === '')
      throw new AwsError(
        'InvalidParameterException',
        `1 validation error detected: Value at '${name}' failed to satisfy constraint: Member must not be null`,
      );
    return v;
  }

  optStr(name: string): string | undefined {
    const v = this.input[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw new AwsError('InvalidParameterException', `${name} must be a string`);
    return v;
  }

  optBool(name: string): boolean | undefined {
    const v = this.input[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') throw new AwsError('InvalidParameterException', `${name} must be a boolean`);
    return v;
  }

  optNum(name: string): number | undefined {
    const v = this.input[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new AwsError('InvalidParameterException', `${name} must be a number`);
    return v;
  }

  strList(name: string): string[] {
    const v = this.input[name];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string'))
      throw new AwsError('InvalidParameterException', `${name} must be a list of strings`);
    return v as string[];
  }

  /** A string-to-string map (AuthParameters, Logins). */
  strMap(name: string): Record<string, string> {
    const v = this.input[name];
    if (v === undefined || v === null) return {};
    if (typeof v !== 'object' || Array.isArray(v) || !Object.values(v).every((x) => typeof x === 'string')) {
      throw new AwsError('InvalidParameterException', `${name} must be a map of strings`);
    }
    return v as Record<string, string>;
  }

  /** Cognito's AttributeType list (UserAttributes): each entry { Name: string, Value?: string }. */
  attributeList(name: string): Array<{ Name: string; Value?: string }> {
    const v = this.input[name];
    if (v === undefined || v === null) return [];
    const valid =
      Array.isArray(v) &&
      v.every((a: unknown) => {
        if (!a || typeof a !== 'object' || Array.isArray(a)) return false;
        const { Name, Value } = a as { Name?: unknown; Value?: unknown };
        return (
          typeof Name === 'string' &&
          Name !== '' &&
          (Value === undefined || Value === null || typeof Value === 'string')
        );
      });
    if (!valid)
      throw new AwsError(
        'InvalidParameterException',
        `1 validation error detected: Value at '${name}' failed to satisfy constraint: Member must be a list of attributes with a Name and an optional string Value`,
      );
    return v as Array<{ Name: string; Value?: string }>;
  }

  raw(name: string): unknown {
    return this.input[name];
  }
}
