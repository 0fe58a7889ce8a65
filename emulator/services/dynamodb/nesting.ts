import { AwsError } from '../../core/errors.js';

/** Deepest nesting of maps and lists DynamoDB stores. */
export const MAX_ATTRIBUTE_DEPTH = 32;
/** Any JSON deeper than this is refused whatever its shape, before a recursive parser sees it. */
const MAX_JSON_DEPTH = 4 * MAX_ATTRIBUTE_DEPTH + 16;

const tooDeep = () => new AwsError('ValidationException', 'Nesting Levels have exceeded supported limits');

/**
 * Refuse attribute values nested past 32 levels of M and L, as DynamoDB does, wherever they appear in
 * the request (Item, Key, ExpressionAttributeValues, RequestItems, TransactItems...). Walks iteratively:
 * thousands of levels must give ValidationException, not a stack overflow.
 */
export function checkNesting(input: unknown): void {
  const stack: Array<{ value: unknown; depth: number; json: number }> = [{ value: input, depth: 0, json: 0 }];
  while (stack.length) {
    const { value, depth, json } = stack.pop() as { value: unknown; depth: number; json: number };
    if (depth > MAX_ATTRIBUTE_DEPTH || json > MAX_JSON_DEPTH) throw tooDeep();
    if (Array.isArray(value)) {
      for (const v of value) stack.push({ value: v, depth, json: json + 1 });
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      // An attribute value { M: {...} } or { L: [...] } opens one more level for what it holds.
      const [only] = entries;
      const isContainer =
        entries.length === 1 &&
        only !== undefined &&
        ((only[0] === 'M' && typeof only[1] === 'object') || (only[0] === 'L' && Array.isArray(only[1])));
      for (const [, v] of entries) stack.push({ value: v, depth: isContainer ? depth + 1 : depth, json: json + 1 });
    }
  }
}
