import type { Instance as SdkInstance, Filter, InstanceStateChange } from '@aws-sdk/client-ec2';
import { pageOf, type Page } from '../paging';
import { send } from '../send';
import { planned, type PlannedCall } from '../code/plan';

export const INSTANCE_STATES = ['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated'] as const;
export type InstanceState = (typeof INSTANCE_STATES)[number];

export interface Tag {
  key: string;
  value: string;
}

/** An instance as the console shows it (list rows and the detail view). */
export interface Instance {
  id: string;
  /** The Name tag, when set. */
  name?: string;
  state: string;
  type?: string;
  zone?: string;
  privateIp?: string;
  publicIp?: string;
  privateDns?: string;
  publicDns?: string;
  launchTime?: Date;
  tags: Tag[];
  vpcId?: string;
  subnetId?: string;
  securityGroups: Array<{ id: string; name?: string }>;
  imageId?: string;
  keyName?: string;
  /** "User initiated (2026-11-26 14:00:00 GMT)". */
  stateTransitionReason?: string;
  /** "Client.UserInitiatedShutdown: User initiated shutdown". */
  stateReason?: string;
  platform?: string;
  architecture?: string;
}

/** Filters the list page sends to EC2 (never applied to loaded rows). All optional; empty ones are left out. */
export interface InstanceFilters {
  /** Name contains this, an instance id (or its start: "i-0ab"), or "Key=Value" for a tag. */
  q?: string;
  state?: string;
  type?: string;
  zone?: string;
  /** "Key=Value" (or "Key=" for any value). */
  tag?: string;
}

function optional<K extends string, V>(key: K, value: V | undefined | null | ''): Partial<Record<K, V>> {
  return value === undefined || value === null || value === '' ? {} : ({ [key]: value } as Record<K, V>);
}

export function toInstance(i: SdkInstance): Instance {
  const tags = (i.Tags ?? []).flatMap((t) => (t.Key !== undefined ? [{ key: t.Key, value: t.Value ?? '' }] : []));
  return {
    id: i.InstanceId ?? '',
    ...optional('name', tags.find((t) => t.key === 'Name')?.value),
    state: i.State?.Name ?? 'unknown',
    ...optional('type', i.InstanceType),
    ...optional('zone', i.Placement?.AvailabilityZone),
    ...optional('privateIp', i.PrivateIpAddress),
    ...optional('publicIp', i.PublicIpAddress),
    ...optional('privateDns', i.PrivateDnsName),
    ...optional('publicDns', i.PublicDnsName),
    ...optional('launchTime', i.LaunchTime),
    tags,
    ...optional('vpcId', i.VpcId),
    ...optional('subnetId', i.SubnetId),
    securityGroups: (i.SecurityGroups ?? []).flatMap((g) =>
      g.GroupId ? [{ id: g.GroupId, ...optional('name', g.GroupName) }] : [],
    ),
    ...optional('imageId', i.ImageId),
    ...optional('keyName', i.KeyName),
    ...optional('stateTransitionReason', i.StateTransitionReason),
    ...optional('stateReason', i.StateReason?.Message),
    ...optional('platform', i.PlatformDetails ?? i.Platform),
    ...optional('architecture', i.Architecture),
  };
}

/** "Key=Value" → a tag filter; "Key=" or "Key" → any instance with that tag key. */
function tagFilter(text: string): Filter {
  const eq = text.indexOf('=');
  const key = (eq < 0 ? text : text.slice(0, eq)).trim();
  const value = eq < 0 ? '' : text.slice(eq + 1).trim();
  return value ? { Name: `tag:${key}`, Values: [value] } : { Name: 'tag-key', Values: [key] };
}

const INSTANCE_ID_START = /^i-[0-9a-f]{0,17}$/;

/** The EC2 Filters for the page's filters, in a stable order (state, search, tag, type, zone). */
export function ec2Filters(f: InstanceFilters): Filter[] {
  const filters: Filter[] = [];
  if (f.state) filters.push({ Name: 'instance-state-name', Values: [f.state] });
  const q = f.q?.trim();
  if (q) {
    if (INSTANCE_ID_START.test(q))
      filters.push({ Name: 'instance-id', Values: [q.length === 19 || q.length === 10 ? q : `${q}*`] });
    else if (q.includes('=')) filters.push(tagFilter(q));
    // EC2 filter values match case-sensitively; * matches any run of characters.
    else filters.push({ Name: 'tag:Name', Values: [`*${q}*`] });
  }
  if (f.tag?.trim()) filters.push(tagFilter(f.tag));
  if (f.type?.trim()) filters.push({ Name: 'instance-type', Values: [f.type.trim()] });
  if (f.zone?.trim()) filters.push({ Name: 'availability-zone', Values: [f.zone.trim()] });
  return filters;
}

function instancesOf(out: { Reservations?: Array<{ Instances?: SdkInstance[] }> }): Instance[] {
  return (out.Reservations ?? []).flatMap((r) => (r.Instances ?? []).map(toInstance));
}

/** The first page is small, so the first rows arrive fast; later pages (loaded as the user scrolls) are larger. */
export const FIRST_PAGE_SIZE = 100;
export const NEXT_PAGE_SIZE = 500;

/** One page of DescribeInstances (MaxResults and NextToken) with the filters sent to EC2. */
export async function listInstances(
  params: { region: string; filters: InstanceFilters; token?: string | undefined },
  signal?: AbortSignal,
): Promise<Page<Instance>> {
  const filters = ec2Filters(params.filters);
  const out = await send(
    'ec2',
    params.region,
    (ec2) =>
      new ec2.DescribeInstancesCommand({
        MaxResults: params.token ? NEXT_PAGE_SIZE : FIRST_PAGE_SIZE,
        ...(params.token ? { NextToken: params.token } : {}),
        ...(filters.length ? { Filters: filters } : {}),
      }),
    signal,
  );
  return pageOf(instancesOf(out), out.NextToken);
}

/** Named instances (DescribeInstances with InstanceIds: no paging), in EC2's order. */
export async function describeInstances(
  params: { region: string; ids: string[] },
  signal?: AbortSignal,
): Promise<Instance[]> {
  const out = await send(
    'ec2',
    params.region,
    (ec2) => new ec2.DescribeInstancesCommand({ InstanceIds: params.ids }),
    signal,
  );
  return instancesOf(out);
}

export async function getInstance(params: { region: string; id: string }, signal?: AbortSignal): Promise<Instance> {
  const [instance] = await describeInstances({ region: params.region, ids: [params.id] }, signal);
  if (!instance)
    throw Object.assign(new Error(`Instance ${params.id} not found`), { name: 'InvalidInstanceID.NotFound' });
  return instance;
}

export interface StateCount {
  count: number;
  /** More than `count` exist (the count stopped at one page). */
  hasMore: boolean;
}

export interface StateCounts {
  byState: Partial<Record<InstanceState, StateCount>>;
  /** DescribeInstances calls it took (1 for a fleet of up to 1,000). */
  requests: number;
}

const COUNT_PAGE = 1000;

/**
 * Instances per state, cheaply: one unfiltered page of 1,000 gives exact counts for a fleet that fits in it;
 * a larger fleet gets one filtered page per state, and a state with more than 1,000 shows as "1,000+".
 */
export async function countInstanceStates(params: { region: string }, signal?: AbortSignal): Promise<StateCounts> {
  const first = await send(
    'ec2',
    params.region,
    (ec2) => new ec2.DescribeInstancesCommand({ MaxResults: COUNT_PAGE }),
    signal,
  );
  const byState: StateCounts['byState'] = {};
  if (!first.NextToken) {
    for (const i of instancesOf(first)) {
      const s = i.state as InstanceState;
      byState[s] = { count: (byState[s]?.count ?? 0) + 1, hasMore: false };
    }
    return { byState, requests: 1 };
  }
  const pages = await Promise.all(
    INSTANCE_STATES.map((state) =>
      send(
        'ec2',
        params.region,
        (ec2) =>
          new ec2.DescribeInstancesCommand({
            MaxResults: COUNT_PAGE,
            Filters: [{ Name: 'instance-state-name', Values: [state] }],
          }),
        signal,
      ).then((out) => [state, { count: instancesOf(out).length, hasMore: Boolean(out.NextToken) }] as const),
    ),
  );
  for (const [state, c] of pages) if (c.count > 0) byState[state] = c;
  return { byState, requests: 1 + pages.length };
}

export type InstanceAction = 'start' | 'stop' | 'reboot' | 'terminate';

export interface StateChange {
  id: string;
  previousState?: string;
  currentState?: string;
}

function changesOf(list: InstanceStateChange[] | undefined): StateChange[] {
  return (list ?? []).map((c) => ({
    id: c.InstanceId ?? '',
    ...optional('previousState', c.PreviousState?.Name),
    ...optional('currentState', c.CurrentState?.Name),
  }));
}

export const INSTANCE_ACTION_OPERATION: Record<InstanceAction, string> = {
  start: 'StartInstances',
  stop: 'StopInstances',
  reboot: 'RebootInstances',
  terminate: 'TerminateInstances',
};

/** What an instance action sends: the api call below and its "Show as code" preview both use it. */
export function instanceActionCall(params: { action: InstanceAction; ids: string[]; force?: boolean }): PlannedCall {
  const force = params.action === 'stop' && params.force ? { Force: true } : {};
  return planned('ec2', INSTANCE_ACTION_OPERATION[params.action], { InstanceIds: params.ids, ...force });
}

/** One EC2 call for all `ids`; EC2 refuses the whole call when one instance cannot take the action. */
export async function runInstanceAction(
  params: { region: string; action: InstanceAction; ids: string[]; force?: boolean },
  signal?: AbortSignal,
): Promise<StateChange[]> {
  const { region, ids } = params;
  const input = instanceActionCall(params).input as { InstanceIds: string[]; Force?: boolean };
  switch (params.action) {
    case 'start': {
      const out = await send('ec2', region, (ec2) => new ec2.StartInstancesCommand(input), signal);
      return changesOf(out.StartingInstances);
    }
    case 'stop': {
      const out = await send('ec2', region, (ec2) => new ec2.StopInstancesCommand(input), signal);
      return changesOf(out.StoppingInstances);
    }
    case 'terminate': {
      const out = await send('ec2', region, (ec2) => new ec2.TerminateInstancesCommand(input), signal);
      return changesOf(out.TerminatingInstances);
    }
    case 'reboot':
      // RebootInstances answers only "true": the instance stays running.
      await send('ec2', region, (ec2) => new ec2.RebootInstancesCommand(input), signal);
      return ids.map((id) => ({ id, previousState: 'running', currentState: 'running' }));
  }
}

export async function createTags(
  params: { region: string; id: string; tags: Tag[] },
  signal?: AbortSignal,
): Promise<void> {
  await send(
    'ec2',
    params.region,
    (ec2) =>
      new ec2.CreateTagsCommand({
        Resources: [params.id],
        Tags: params.tags.map((t) => ({ Key: t.key, Value: t.value })),
      }),
    signal,
  );
}

/** Deletes the tags with these keys, whatever their values. */
export async function deleteTags(
  params: { region: string; id: string; keys: string[] },
  signal?: AbortSignal,
): Promise<void> {
  await send(
    'ec2',
    params.region,
    (ec2) => new ec2.DeleteTagsCommand({ Resources: [params.id], Tags: params.keys.map((k) => ({ Key: k })) }),
    signal,
  );
}

export interface StatusCheck {
  status: string;
  details: Array<{ name: string; status: string; impairedSince?: Date }>;
}

export interface InstanceStatus {
  /** Reported only for running instances; undefined when EC2 has none. */
  system?: StatusCheck;
  instance?: StatusCheck;
  events: Array<{ code: string; description?: string; notBefore?: Date }>;
}

export async function describeInstanceStatus(
  params: { region: string; id: string },
  signal?: AbortSignal,
): Promise<InstanceStatus> {
  const out = await send(
    'ec2',
    params.region,
    (ec2) => new ec2.DescribeInstanceStatusCommand({ InstanceIds: [params.id], IncludeAllInstances: true }),
    signal,
  );
  const s = out.InstanceStatuses?.[0];
  const check = (
    c: { Status?: string; Details?: Array<{ Name?: string; Status?: string; ImpairedSince?: Date }> } | undefined,
  ) =>
    c?.Status
      ? {
          status: c.Status,
          details: (c.Details ?? []).map((d) => ({
            name: d.Name ?? '',
            status: d.Status ?? '',
            ...optional('impairedSince', d.ImpairedSince),
          })),
        }
      : undefined;
  const system = check(s?.SystemStatus);
  const instance = check(s?.InstanceStatus);
  return {
    ...(system ? { system } : {}),
    ...(instance ? { instance } : {}),
    events: (s?.Events ?? []).map((e) => ({
      code: e.Code ?? '',
      ...optional('description', e.Description),
      ...optional('notBefore', e.NotBefore),
    })),
  };
}
