import {
  csvText,
  formatItem,
  itemOfNode,
  ItemParseError,
  looksLikeDynamoJson,
  valueKey,
  type Item,
} from './attribute-value';
import { JsonSyntaxError, lineColumnOf, parseJson } from './exact-json';
import type { KeySchemaInfo } from './expressions';
import { keyOf, keyProblem } from './optimistic-lock';

/** Items as a JSON array of DynamoDB JSON: lossless (sets, binary, 38-digit numbers), one item per line. */
export function itemsToJson(items: Item[]): string {
  if (items.length === 0) return '[]\n';
  return `[\n${items.map((item) => '  ' + formatItem(item, 'dynamodb', 0)).join(',\n')}\n]\n`;
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Items as CSV: one column per attribute name (keys first); maps, lists and sets as plain JSON. */
export function itemsToCsv(items: Item[], keyNames: string[]): string {
  const names = new Set(keyNames);
  for (const item of items) for (const name of Object.keys(item)) names.add(name);
  const columns = [...names];
  const rows = [columns.map(csvCell).join(',')];
  for (const item of items) rows.push(columns.map((c) => (item[c] ? csvCell(csvText(item[c])) : '')).join(','));
  return rows.join('\r\n') + '\r\n';
}

export interface ImportReject {
  /** 1-based position in the file's array. */
  index: number;
  message: string;
}

export interface ImportPlan {
  items: Item[];
  rejects: ImportReject[];
  format: 'plain' | 'dynamodb';
}

/**
 * The items of an import file: a JSON array of items, plain JSON or DynamoDB JSON (told apart per item).
 * Every item is checked (valid types, key attributes present with the key's types); bad ones are listed,
 * the rest can still be imported.
 */
export function planImport(text: string, keys: KeySchemaInfo): ImportPlan {
  let root;
  try {
    root = parseJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      const { line, column } = lineColumnOf(text, e.offset);
      throw new Error(`The file is not valid JSON: line ${line}, column ${column}: ${e.message}`);
    }
    throw e;
  }
  const nodes = root.kind === 'array' ? root.items : root.kind === 'object' ? [root] : undefined;
  if (!nodes) throw new Error('The file must hold a JSON array of items');
  const items: Item[] = [];
  const rejects: ImportReject[] = [];
  let dynamo = 0;
  // One batch may not hold one key twice (DynamoDB refuses the whole batch): the first one wins.
  const seen = new Map<string, number>();
  nodes.forEach((node, i) => {
    if (node.kind !== 'object') {
      rejects.push({ index: i + 1, message: 'not a JSON object' });
      return;
    }
    const isDynamo = looksLikeDynamoJson(node);
    try {
      const item = itemOfNode(node, isDynamo ? 'dynamodb' : 'plain');
      const problem = keyProblem(item, keys);
      if (problem) throw new Error(problem);
      const k = Object.entries(keyOf(item, keys))
        .map(([n, v]) => `${n}=${valueKey(v)}`)
        .join('&');
      const first = seen.get(k);
      if (first !== undefined) throw new Error(`same key as item ${first}`);
      seen.set(k, i + 1);
      if (isDynamo) dynamo++;
      items.push(item);
    } catch (e) {
      rejects.push({
        index: i + 1,
        message: e instanceof ItemParseError || e instanceof Error ? e.message : String(e),
      });
    }
  });
  return { items, rejects, format: dynamo > items.length / 2 ? 'dynamodb' : 'plain' };
}
