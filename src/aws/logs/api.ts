import { pageOf, type Page } from '../paging';
import { send } from '../send';

export interface LogGroupSummary {
  name: string;
  arn?: string;
  /** Epoch ms. */
  created?: number;
  /** undefined: never expire. */
  retentionDays?: number;
  storedBytes: number;
}

export interface LogStreamSummary {
  name: string;
  created?: number;
  firstEventAt?: number;
  lastEventAt?: number;
}

export interface LogEvent {
  /** Unique within a view: the event id, or stream/timestamp/position when the API gives none. */
  id: string;
  timestamp: number;
  message: string;
  stream?: string;
  ingestedAt?: number;
}

/** A page of a stream read by GetLogEvents: tokens lead both ways (older and newer). */
export interface StreamEventsPage {
  events: LogEvent[];
  /** Newer events (also where a follow continues). */
  forwardToken?: string;
  /** Older events. */
  backwardToken?: string;
}

export interface TimeRange {
  /** Epoch ms; undefined: from the beginning. */
  start?: number | undefined;
  /** Epoch ms; undefined: up to now (and on, when following). */
  end?: number | undefined;
}

export async function listLogGroups(
  params: { region: string; prefix?: string | undefined; token?: string | undefined; limit?: number },
  signal?: AbortSignal,
): Promise<Page<LogGroupSummary>> {
  const out = await send(
    'logs',
    params.region,
    (l) =>
      new l.DescribeLogGroupsCommand({
        limit: params.limit ?? 50,
        ...(params.prefix ? { logGroupNamePrefix: params.prefix } : {}),
        ...(params.token ? { nextToken: params.token } : {}),
      }),
    signal,
  );
  return pageOf(
    (out.logGroups ?? []).map((g) => ({
      name: g.logGroupName ?? '',
      storedBytes: g.storedBytes ?? 0,
      ...(g.logGroupArn ? { arn: g.logGroupArn } : {}),
      ...(g.creationTime !== undefined ? { created: g.creationTime } : {}),
      ...(g.retentionInDays !== undefined ? { retentionDays: g.retentionInDays } : {}),
    })),
    out.nextToken,
  );
}

/** A group's streams, the latest event first. */
export async function listLogStreams(
  params: { region: string; group: string; token?: string | undefined; limit?: number },
  signal?: AbortSignal,
): Promise<Page<LogStreamSummary>> {
  const out = await send(
    'logs',
    params.region,
    (l) =>
      new l.DescribeLogStreamsCommand({
        logGroupName: params.group,
        orderBy: 'LastEventTime',
        descending: true,
        limit: params.limit ?? 50,
        ...(params.token ? { nextToken: params.token } : {}),
      }),
    signal,
  );
  return pageOf(
    (out.logStreams ?? []).map((s) => ({
      name: s.logStreamName ?? '',
      ...(s.creationTime !== undefined ? { created: s.creationTime } : {}),
      ...(s.firstEventTimestamp !== undefined ? { firstEventAt: s.firstEventTimestamp } : {}),
      ...(s.lastEventTimestamp !== undefined ? { lastEventAt: s.lastEventTimestamp } : {}),
    })),
    out.nextToken,
  );
}

/**
 * One page of a stream's events (GetLogEvents). Without a token: the newest page (or the oldest with
 * `fromHead`); then the backward token leads to older events and the forward token to newer ones.
 */
export async function getStreamEvents(
  params: {
    region: string;
    group: string;
    stream: string;
    range?: TimeRange;
    token?: string | undefined;
    fromHead?: boolean;
    limit?: number;
  },
  signal?: AbortSignal,
): Promise<StreamEventsPage> {
  const { start, end } = params.range ?? {};
  const out = await send(
    'logs',
    params.region,
    (l) =>
      new l.GetLogEventsCommand({
        logGroupName: params.group,
        logStreamName: params.stream,
        limit: params.limit ?? 500,
        ...(start !== undefined ? { startTime: start } : {}),
        ...(end !== undefined ? { endTime: end } : {}),
        ...(params.token ? { nextToken: params.token } : { startFromHead: params.fromHead ?? false }),
      }),
    signal,
  );
  const events = (out.events ?? []).map((e, i) => ({
    // GetLogEvents gives no id: the page's forward token plus the position is unique and stable per page.
    id: `${params.stream}/${e.timestamp ?? 0}/${e.ingestionTime ?? 0}/${out.nextBackwardToken ?? ''}/${i}`,
    timestamp: e.timestamp ?? 0,
    message: e.message ?? '',
    stream: params.stream,
    ...(e.ingestionTime !== undefined ? { ingestedAt: e.ingestionTime } : {}),
  }));
  return {
    events,
    ...(out.nextForwardToken ? { forwardToken: out.nextForwardToken } : {}),
    ...(out.nextBackwardToken ? { backwardToken: out.nextBackwardToken } : {}),
  };
}

/**
 * Events of a group (all streams or the named ones) matching a filter pattern, oldest first, one page
 * at a time (FilterLogEvents); the pattern is passed as the API takes it.
 */
export async function filterEvents(
  params: {
    region: string;
    group: string;
    streams?: string[] | undefined;
    pattern?: string | undefined;
    range?: TimeRange;
    token?: string | undefined;
    limit?: number;
  },
  signal?: AbortSignal,
): Promise<Page<LogEvent>> {
  const { start, end } = params.range ?? {};
  const out = await send(
    'logs',
    params.region,
    (l) =>
      new l.FilterLogEventsCommand({
        logGroupName: params.group,
        limit: params.limit ?? 500,
        ...(params.streams?.length ? { logStreamNames: params.streams } : {}),
        ...(params.pattern ? { filterPattern: params.pattern } : {}),
        ...(start !== undefined ? { startTime: start } : {}),
        ...(end !== undefined ? { endTime: end } : {}),
        ...(params.token ? { nextToken: params.token } : {}),
      }),
    signal,
  );
  return pageOf(
    (out.events ?? []).map((e, i) => ({
      id: e.eventId ?? `${e.logStreamName ?? ''}/${e.timestamp ?? 0}/${i}`,
      timestamp: e.timestamp ?? 0,
      message: e.message ?? '',
      ...(e.logStreamName ? { stream: e.logStreamName } : {}),
      ...(e.ingestionTime !== undefined ? { ingestedAt: e.ingestionTime } : {}),
    })),
    out.nextToken,
  );
}
