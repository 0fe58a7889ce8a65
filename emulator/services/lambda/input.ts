import { AwsError } from '../../core/errors.js';
import { jsonInputReader, validationMessage, type JsonMembers } from '../../protocols/json-input.js';

/** A Lambda request's JSON members. */
export type Json = JsonMembers;

const invalid = (name: string, rule: string) => new AwsError('ValidationException', validationMessage(name, rule));

const TYPE_RULES: Record<string, string> = {
  integer: 'Member must be an integer',
  // A map that is not an object is refused as the structure it should be.
  'map of strings': 'Member must be a structure',
};

/** Lambda's words: every constraint failure is a ValidationException, as on AWS; strings hold 4,096 by default. */
export const { optString, reqString, optInt, optBool, optObject, optStringMap, optStringList, optBlob } =
  jsonInputReader({
    maxStringLength: 4096,
    errors(name, problem) {
      switch (problem.kind) {
        case 'missing':
          return invalid(name, 'Member must not be null');
        case 'too-long':
          return invalid(name, `Member must have length less than or equal to ${problem.max}`);
        case 'range':
          return problem.value < problem.min
            ? invalid(name, `Member must have value greater than or equal to ${problem.min}`)
            : invalid(name, `Member must have value less than or equal to ${problem.max}`);
        case 'not-base64':
          return invalid(name, 'Member must be base64');
        case 'type':
          if (problem.entry !== undefined) return invalid(`${name}.${problem.entry}`, 'Member must be a string');
          return invalid(name, TYPE_RULES[problem.expected] ?? `Member must be a ${problem.expected}`);
      }
    },
  });
