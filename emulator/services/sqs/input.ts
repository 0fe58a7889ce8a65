import { AwsError } from '../../core/errors.js';
import { jsonInputReader, type JsonMembers } from '../../protocols/json-input.js';
import { invalidParameter, missingParameter } from './errors.js';

/** An SQS operation's input: JSON members (query requests are converted to this shape first). */
export type Input = JsonMembers;

const TYPE_WORDS: Record<string, string> = { 'map of strings': 'map' };

/** SQS's words: SerializationException for a wrong type, MissingParameter, InvalidParameterValue for a range. */
export const { optString, reqString, optInt, stringList, stringMap, objectList } = jsonInputReader({
  numericStrings: true,
  errors(name, problem) {
    switch (problem.kind) {
      case 'missing':
        return missingParameter(name);
      case 'range':
        return invalidParameter(
          name,
          problem.value,
          problem.reason ?? `Must be between ${problem.min} and ${problem.max}, if provided.`,
        );
      case 'type': {
        const member = problem.entry === undefined ? name : `${name}.${problem.entry}`;
        const expected = problem.entry === undefined ? (TYPE_WORDS[problem.expected] ?? problem.expected) : 'string';
        return new AwsError('SerializationException', `Value for parameter ${member} must be a ${expected}.`, 400);
      }
      default:
        return new AwsError('SerializationException', `Value for parameter ${name} is not valid.`, 400);
    }
  },
});
