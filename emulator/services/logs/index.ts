import { AwsError } from '../../core/errors.js';
import type { Call, Operation } from '../../core/operations.js';
import type { ServiceFactory } from '../../core/types.js';
import { JsonInput } from '../../protocols/json-input.js';
import { jsonService } from '../../protocols/json-service.js';
import { LogStore, type EventRow, type StreamRow } from './store.js';
import { matcher } from './filter-pattern.js';

interface Logs {
  store: LogStore;
  accountId: string;
}
type LogsOperation = Operation<Logs, JsonInput>;
type LogsCall = Call<Logs>;

const RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];
const NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/;
const STREAM = /^[^:*]{1,512}$/;
const SWEEP_MS = 60 * 60_000;
const MAX_BATCH = 10_000;

const groupArn = (call: LogsCall, name: string) =>
  `arn:aws:logs:${call.region}:${call.state.accountId}:log-group:${name}`;

function groupName(input: JsonInput): string {
  const raw = input.optStr('logGroupName') ?? input.optStr('logGroupIdentifier');
  if (!raw) throw new AwsError('InvalidParameterException', 'Either logGroupName or logGroupIdentifier must be given');
  const name = raw.startsWith('arn:') ? (raw.split(':log-group:')[1] ?? '').replace(/:\*$/, '') : raw;
  if (!NAME.test(name))
    throw new AwsError(
      'InvalidParameterException',
      `1 validation error detected: Value '${raw.slice(0, 200)}' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+`,
    );
  return name;
}

function streamName(input: JsonInput): string {
  const name = input.str('logStreamName');
  if (!STREAM.test(name))
    throw new AwsError(
      'InvalidParameterException',
      `1 validation error detected: Value at 'logStreamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]*`,
    );
  return name;
}

function existingGroup(call: LogsCall, name: string): void {
  if (!call.state.store.group(call.region, name))
    throw new AwsError('ResourceNotFoundException', 'The specified log group does not exist.');
}

function existingStream(call: LogsCall, group: string, name: string): StreamRow {
  existingGroup(call, group);
  const s = call.state.store.stream(call.region, group, name);
  if (!s) throw new AwsError('ResourceNotFoundException', 'The specified log stream does not exist.');
  return s;
}

function limitOf(input: JsonInput, max: number, fallback: number): number {
  const limit = input.optNum('limit') ?? fallback;
  if (!Number.isInteger(limit) || limit < 1 || limit > max)
    throw new AwsError(
      'InvalidParameterException',
      `1 validation error detected: Value '${limit}' at 'limit' failed to satisfy constraint: Member must have value between 1 and ${max}`,
    );
  return limit;
}

/** Tokens are opaque to callers: base64url of our own cursor. */
const encode = (cursor: string) => Buffer.from(cursor).toString('base64url');
function decodeToken(token: string | undefined, prefix: string): string | undefined {
  if (token === undefined) return undefined;
  const text = Buffer.from(token, 'base64url').toString('utf8');
  if (!text.startsWith(prefix)) throw new AwsError('InvalidParameterException', 'The specified nextToken is invalid.');
  return text.slice(prefix.length);
}

const onGroup = (action: string, run: LogsOperation['run']): LogsOperation => ({
  action,
  resource: (input, call) => groupArn(call, groupName(input)),
  run,
});
const anyGroup = (action: string, run: LogsOperation['run']): LogsOperation => ({
  action,
  resource: (_input, call) => groupArn(call, '*'),
  run,
});

function streamShape(s: StreamRow, call: LogsCall) {
  return {
    logStreamName: s.name,
    creationTime: s.created,
    firstEventTimestamp: s.first_ts ?? undefined,
    lastEventTimestamp: s.last_ts ?? undefined,
    lastIngestionTime: s.last_ingest ?? undefined,
    uploadSequenceToken: '1',
    arn: `${groupArn(call, s.grp)}:log-stream:${s.name}`,
    storedBytes: 0,
  };
}

const eventShape = (e: EventRow) => ({ timestamp: e.ts, message: e.message, ingestionTime: e.ingest });

const OPERATIONS: Record<string, LogsOperation> = {
  CreateLogGroup: onGroup('logs:CreateLogGroup', async (input, call) => {
    const name = groupName(input);
    if (!call.state.store.createGroup(call.region, name, input.strMap('tags')))
      throw new AwsError('ResourceAlreadyExistsException', 'The specified log group already exists');
    return {};
  }),
  DeleteLogGroup: onGroup('logs:DeleteLogGroup', async (input, call) => {
    const name = groupName(input);
    existingGroup(call, name);
    call.state.store.deleteGroup(call.region, name);
    return {};
  }),
  DescribeLogGroups: anyGroup('logs:DescribeLogGroups', async (input, call) => {
    const limit = limitOf(input, 50, 50);
    const prefix = input.optStr('logGroupNamePrefix') ?? '';
    const pattern = input.optStr('logGroupNamePattern');
    const after = decodeToken(input.optStr('nextToken'), 'g:') ?? '';
    let rows = call.state.store.groups(call.region, prefix, after, pattern ? 100_000 : limit + 1);
    if (pattern) rows = rows.filter((g) => g.name.toLowerCase().includes(pattern.toLowerCase())).slice(0, limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      logGroups: page.map((g) => ({
        logGroupName: g.name,
        creationTime: g.created,
        retentionInDays: g.retention ?? undefined,
        metricFilterCount: 0,
        arn: `${groupArn(call, g.name)}:*`,
        logGroupArn: groupArn(call, g.name),
        storedBytes: call.state.store.groupBytes(call.region, g.name),
        logGroupClass: 'STANDARD',
      })),
      nextToken: rows.length > limit && last ? encode(`g:${last.name}`) : undefined,
    };
  }),
  PutRetentionPolicy: onGroup('logs:PutRetentionPolicy', async (input, call) => {
    const name = groupName(input);
    const days = input.optNum('retentionInDays');
    if (days === undefined || !RETENTION_DAYS.includes(days)) {
      throw new AwsError(
        'InvalidParameterException',
        `1 validation error detected: Value '${days}' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [${RETENTION_DAYS.join(', ')}]`,
      );
    }
    existingGroup(call, name);
    call.state.store.setRetention(call.region, name, days);
    call.state.store.expire(Date.now());
    return {};
  }),
  DeleteRetentionPolicy: onGroup('logs:DeleteRetentionPolicy', async (input, call) => {
    const name = groupName(input);
    existingGroup(call, name);
    call.state.store.setRetention(call.region, name, null);
    return {};
  }),
  CreateLogStream: onGroup('logs:CreateLogStream', async (input, call) => {
    const group = groupName(input);
    const name = streamName(input);
    existingGroup(call, group);
    if (!call.state.store.createStream(call.region, group, name))
      throw new AwsError('ResourceAlreadyExistsException', 'The specified log stream already exists');
    return {};
  }),
  DeleteLogStream: onGroup('logs:DeleteLogStream', async (input, call) => {
    const group = groupName(input);
    const name = streamName(input);
    existingStream(call, group, name);
    call.state.store.deleteStream(call.region, group, name);
    return {};
  }),
  DescribeLogStreams: onGroup('logs:DescribeLogStreams', async (input, call) => {
    const group = groupName(input);
    existingGroup(call, group);
    const limit = limitOf(input, 50, 50);
    const orderBy = input.optStr('orderBy') ?? 'LogStreamName';
    if (orderBy !== 'LogStreamName' && orderBy !== 'LastEventTime')
      throw new AwsError('InvalidParameterException', `orderBy must be LogStreamName or LastEventTime`);
    const prefix = input.optStr('logStreamNamePrefix');
    if (prefix && orderBy === 'LastEventTime')
      throw new AwsError('InvalidParameterException', 'Cannot order by LastEventTime with a logStreamNamePrefix.');
    const descending = input.optBool('descending') ?? false;
    const start = Number(decodeToken(input.optStr('nextToken'), 's:') ?? '0');
    let rows = call.state.store.streams(call.region, group).filter((s) => !prefix || s.name.startsWith(prefix));
    const key = (s: StreamRow) => (orderBy === 'LastEventTime' ? (s.last_ts ?? 0) : s.name);
    rows = rows.sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      const c = x < y ? -1 : x > y ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
      return descending ? -c : c;
    });
    const page = rows.slice(start, start + limit);
    return {
      logStreams: page.map((s) => streamShape(s, call)),
      nextToken: start + limit < rows.length ? encode(`s:${start + limit}`) : undefined,
    };
  }),
  PutLogEvents: onGroup('logs:PutLogEvents', async (input, call) => {
    const group = groupName(input);
    const stream = streamName(input);
    existingStream(call, group, stream);
    const raw = input.raw('logEvents');
    if (!Array.isArray(raw) || raw.length === 0 || raw.length > MAX_BATCH)
      throw new AwsError('InvalidParameterException', `logEvents must hold 1 to ${MAX_BATCH} events`);
    const events = raw.map((e: unknown) => {
      const ev = e as { timestamp?: unknown; message?: unknown };
      if (!ev || typeof ev.timestamp !== 'number' || !Number.isFinite(ev.timestamp) || typeof ev.message !== 'string') {
        throw new AwsError(
          'InvalidParameterException',
          'Each log event needs a numeric timestamp and a string message',
        );
      }
      return { timestamp: Math.trunc(ev.timestamp), message: ev.message };
    });
    call.state.store.put(call.region, group, stream, events);
    return { nextSequenceToken: String(Date.now()) };
  }),
  GetLogEvents: onGroup('logs:GetLogEvents', async (input, call) => {
    const group = groupName(input);
    const stream = streamName(input);
    existingStream(call, group, stream);
    const limit = limitOf(input, 10_000, 10_000);
    const start = input.optNum('startTime') ?? 0;
    const end = input.optNum('endTime') ?? Number.MAX_SAFE_INTEGER;
    const token = input.optStr('nextToken');
    let fromHead = input.optBool('startFromHead') ?? false;
    let after = 0;
    let before = Number.MAX_SAFE_INTEGER;
    if (token !== undefined) {
      const cursor = decodeToken(token, '') ?? '';
      const m = /^([fb])\/(\d+)$/.exec(cursor);
      if (!m) throw new AwsError('InvalidParameterException', 'The specified nextToken is invalid.');
      fromHead = m[1] === 'f';
      if (fromHead) after = Number(m[2]);
      else before = Number(m[2]);
    }
    const rows = call.state.store.streamEvents(call.region, group, stream, start, end, after, before, limit, fromHead);
    const first = rows[0];
    const last = rows[rows.length - 1];
    // With nothing new, AWS hands back the token it was given.
    const forward = last
      ? `f/${last.id}`
      : fromHead
        ? `f/${after}`
        : `f/${before === Number.MAX_SAFE_INTEGER ? 0 : before - 1}`;
    const backward = first ? `b/${first.id}` : fromHead ? `b/${after + 1}` : `b/${before}`;
    return { events: rows.map(eventShape), nextForwardToken: encode(forward), nextBackwardToken: encode(backward) };
  }),
  FilterLogEvents: onGroup('logs:FilterLogEvents', async (input, call) => {
    const group = groupName(input);
    existingGroup(call, group);
    const limit = limitOf(input, 10_000, 10_000);
    const names = input.strList('logStreamNames');
    const prefix = input.optStr('logStreamNamePrefix');
    if (names.length && prefix)
      throw new AwsError('InvalidParameterException', 'logStreamNames and logStreamNamePrefix cannot both be given');
    const streams = names.length
      ? names
      : prefix
        ? call.state.store
            .streams(call.region, group)
            .map((s) => s.name)
            .filter((n) => n.startsWith(prefix))
        : null;
    const match = matcher(input.optStr('filterPattern') ?? '');
    const start = input.optNum('startTime') ?? 0;
    const end = input.optNum('endTime') ?? Number.MAX_SAFE_INTEGER;
    let after = Number(decodeToken(input.optStr('nextToken'), 'e:') ?? '0');
    const found: EventRow[] = [];
    // Scan in batches until a page is full or the group is exhausted.
    for (;;) {
      const batch =
        streams && streams.length === 0
          ? []
          : call.state.store.groupEvents(call.region, group, streams, start, end, after, 5000);
      for (const e of batch) {
        after = e.id;
        if (match(e.message)) found.push(e);
        if (found.length === limit) break;
      }
      if (found.length === limit || batch.length < 5000) {
        const more =
          found.length === limit &&
          call.state.store.groupEvents(call.region, group, streams, start, end, after, 1).length > 0;
        return {
          events: found.map((e) => ({
            logStreamName: e.stream,
            timestamp: e.ts,
            message: e.message,
            ingestionTime: e.ingest,
            eventId: String(e.id).padStart(20, '0'),
          })),
          searchedLogStreams: [],
          nextToken: more ? encode(`e:${after}`) : undefined,
        };
      }
    }
  }),
};

/** CloudWatch Logs (JSON 1.1), enough for function logs: groups, streams, events, filters, retention. */
export const createLogsService: ServiceFactory = async (env) => {
  const store = new LogStore(env.dataDir);
  const sweep = setInterval(() => store.expire(Date.now()), SWEEP_MS);
  sweep.unref();
  return jsonService({
    name: 'logs',
    version: '1.1',
    targetPrefix: 'Logs_20140328.',
    typePrefix: '',
    state: { store, accountId: env.accountId },
    operations: OPERATIONS,
    input: (body) => new JsonInput(body),
    demoGrants: {
      admin: [{ Sid: 'Logs', Effect: 'Allow', Action: 'logs:*', Resource: '*' }],
      viewer: [
        {
          Sid: 'LogsReadOnly',
          Effect: 'Allow',
          Action: ['logs:Describe*', 'logs:Get*', 'logs:FilterLogEvents'],
          Resource: '*',
        },
      ],
    },
    async reset() {
      store.wipe();
    },
    async close() {
      clearInterval(sweep);
      store.close();
    },
  });
};
