import { AwsError } from '../../core/errors.js';

/** DynamoDB's limit on any one expression string. */
export const MAX_EXPRESSION_BYTES = 4096;
/**
 * Deepest parenthesis nesting passed on to dynalite's recursive parser, which overflows the stack
 * somewhere past a thousand levels; real expressions never come near.
 */
const MAX_PARENTHESES = 256;

/**
 * Refuse, in DynamoDB's words, an expression longer than 4 KB or nested deeper than the parser can take,
 * wherever it appears (top level, TransactItems, RequestItems), before dynalite parses it.
 */
export function checkExpressions(input: unknown): void {
  const stack: unknown[] = [input];
  while (stack.length) {
    const value = stack.pop();
    if (Array.isArray(value)) stack.push(...(value as unknown[]));
    else if (value !== null && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (typeof v === 'string' && key.endsWith('Expression')) checkOne(key, v);
        else if (typeof v === 'object') stack.push(v);
      }
    }
  }
}

function checkOne(name: string, expression: string): void {
  const size = Buffer.byteLength(expression, 'utf8');
  if (size > MAX_EXPRESSION_BYTES) {
    throw new AwsError(
      'ValidationException',
      `Invalid ${name}: Expression size has exceeded the maximum allowed size; expression size: ${size}`,
    );
  }
  let depth = 0;
  for (const c of expression) {
    if (c === '(' && ++depth > MAX_PARENTHESES)
      throw new AwsError(
        'ValidationException',
        `Invalid ${name}: The expression has exceeded the maximum allowed depth of nested parentheses: ${MAX_PARENTHESES}`,
      );
    if (c === ')') depth--;
  }
}
