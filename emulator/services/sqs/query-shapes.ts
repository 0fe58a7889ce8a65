import { treeList, treeMap, type QueryTree } from '../../protocols/aws-query.js';
import type { XmlNode, XmlValue } from '../../protocols/xml.js';
import type { Input } from './input.js';

/** Translate between the SQS query protocol's flattened names and the JSON protocol's shapes. */

const LISTS: Record<string, string> = {
  AttributeName: 'AttributeNames',
  MessageAttributeName: 'MessageAttributeNames',
  MessageSystemAttributeName: 'MessageSystemAttributeNames',
  TagKey: 'TagKeys',
};
const ENTRIES = new Set([
  'SendMessageBatchRequestEntry',
  'DeleteMessageBatchRequestEntry',
  'ChangeMessageVisibilityBatchRequestEntry',
]);
const SKIP = new Set(['Action', 'Version']);

function stringMap(node: QueryTree | string | undefined, key: string, value: string): Record<string, string> {
  const out = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(treeMap(node, key, value))) if (typeof v === 'string') out[k] = v;
  return out;
}

function attributeValues(node: QueryTree | string | undefined): Record<string, Record<string, string>> {
  const out = Object.create(null) as Record<string, Record<string, string>>;
  for (const [name, v] of Object.entries(treeMap(node))) {
    if (typeof v !== 'object') continue;
    const value: Record<string, string> = {};
    for (const field of ['DataType', 'StringValue', 'BinaryValue']) {
      const f = v[field];
      if (typeof f === 'string') value[field] = f;
    }
    out[name] = value;
  }
  return out;
}

/** A query request's parameter tree as the JSON-shaped input the handlers read. */
export function queryToInput(action: string, tree: QueryTree): Input {
  const out = Object.create(null) as Input;
  for (const [key, node] of Object.entries(tree)) {
    if (SKIP.has(key)) continue;
    const listName = LISTS[key];
    if (listName) out[listName] = treeList(node).filter((s): s is string => typeof s === 'string');
    else if (key === 'Attribute') out.Attributes = stringMap(node, 'Name', 'Value');
    else if (key === 'Tag') out[action === 'CreateQueue' ? 'tags' : 'Tags'] = stringMap(node, 'Key', 'Value');
    else if (key === 'MessageAttribute') out.MessageAttributes = attributeValues(node);
    else if (key === 'MessageSystemAttribute') out.MessageSystemAttributes = attributeValues(node);
    else if (ENTRIES.has(key))
      out.Entries = treeList(node).map((e) => (typeof e === 'object' ? queryToInput(action, e) : {}));
    else if (typeof node === 'string') out[key] = node;
  }
  return out;
}

/** Operations whose query response has no Result element. */
export const NO_RESULT = new Set([
  'DeleteQueue',
  'SetQueueAttributes',
  'PurgeQueue',
  'TagQueue',
  'UntagQueue',
  'DeleteMessage',
  'ChangeMessageVisibility',
]);

function pairs(map: unknown, key: string, value: string): XmlNode[] {
  if (!map || typeof map !== 'object') return [];
  return Object.entries(map as Record<string, unknown>).map(([k, v]) => ({ [key]: k, [value]: toXmlValue(v) }));
}

function toXmlValue(v: unknown): XmlValue {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(toXmlValue);
  return toXmlNode('', v as Record<string, unknown>);
}

/** A JSON-shaped output as the query protocol's Result children. */
export function toXmlNode(action: string, output: Record<string, unknown>): XmlNode {
  const node: XmlNode = {};
  for (const [key, value] of Object.entries(output)) {
    if (value === undefined || value === null) continue;
    switch (key) {
      case 'QueueUrls':
      case 'queueUrls':
        node.QueueUrl = value as string[];
        break;
      case 'Attributes':
        node.Attribute = pairs(value, 'Name', 'Value');
        break;
      case 'Tags':
        node.Tag = pairs(value, 'Key', 'Value');
        break;
      case 'MessageAttributes':
        node.MessageAttribute = pairs(value, 'Name', 'Value');
        break;
      case 'Messages':
        node.Message = (value as Array<Record<string, unknown>>).map((m) => toXmlNode(action, m));
        break;
      case 'Successful':
        node[`${action}ResultEntry`] = (value as Array<Record<string, unknown>>).map((e) => toXmlNode(action, e));
        break;
      case 'Failed':
        node.BatchResultErrorEntry = (value as Array<Record<string, unknown>>).map((e) => toXmlNode(action, e));
        break;
      case 'Results':
        node.ListMessageMoveTasksResultEntry = (value as Array<Record<string, unknown>>).map((e) =>
          toXmlNode(action, e),
        );
        break;
      default:
        node[key] = toXmlValue(value);
    }
  }
  return node;
}
