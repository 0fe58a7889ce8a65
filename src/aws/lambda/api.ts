import { pageOf, type Page } from '../paging';
import { send } from '../send';

export interface FunctionSummary {
  name: string;
  arn: string;
  runtime?: string;
  memoryMb?: number;
  timeoutSeconds?: number;
  codeSize: number;
  /** ISO time of the last change. */
  lastModified?: string;
  /** Active, Pending, Inactive, Failed; AWS omits it on some list answers. */
  state?: string;
  description?: string;
}

export interface FunctionDetail extends FunctionSummary {
  handler?: string;
  role?: string;
  architectures: string[];
  environment: Record<string, string>;
  layers: { arn: string; codeSize: number }[];
  /** undefined: unreserved (the account's pool). */
  reservedConcurrency?: number;
  tags: Record<string, string>;
  version?: string;
  stateReason?: string;
  lastUpdateStatus?: string;
}

export interface VersionSummary {
  version: string;
  description?: string;
  lastModified?: string;
  codeSha256?: string;
}

export interface AliasSummary {
  name: string;
  arn: string;
  version: string;
  description?: string;
  /** Weighted routing: another version and its share (0-1). */
  additionalWeights: Record<string, number>;
}

type SdkConfig = {
  FunctionName?: string | undefined;
  FunctionArn?: string | undefined;
  Runtime?: string | undefined;
  MemorySize?: number | undefined;
  Timeout?: number | undefined;
  CodeSize?: number | undefined;
  LastModified?: string | undefined;
  State?: string | undefined;
  Description?: string | undefined;
};

function summaryOf(c: SdkConfig): FunctionSummary {
  return {
    name: c.FunctionName ?? '',
    arn: c.FunctionArn ?? '',
    codeSize: c.CodeSize ?? 0,
    ...(c.Runtime ? { runtime: c.Runtime } : {}),
    ...(c.MemorySize !== undefined ? { memoryMb: c.MemorySize } : {}),
    ...(c.Timeout !== undefined ? { timeoutSeconds: c.Timeout } : {}),
    ...(c.LastModified ? { lastModified: c.LastModified } : {}),
    ...(c.State ? { state: c.State } : {}),
    ...(c.Description ? { description: c.Description } : {}),
  };
}

/** One page of functions (ListFunctions pages by Marker; AWS answers at most 50). */
export async function listFunctions(
  params: { region: string; token?: string | undefined; limit?: number },
  signal?: AbortSignal,
): Promise<Page<FunctionSummary>> {
  const out = await send(
    'lambda',
    params.region,
    (l) =>
      new l.ListFunctionsCommand({ MaxItems: params.limit ?? 50, ...(params.token ? { Marker: params.token } : {}) }),
    signal,
  );
  return pageOf((out.Functions ?? []).map(summaryOf), out.NextMarker);
}

/** Configuration, tags and reserved concurrency in one call (GetFunction). */
export async function getFunction(
  params: { region: string; name: string; qualifier?: string | undefined },
  signal?: AbortSignal,
): Promise<FunctionDetail> {
  const out = await send(
    'lambda',
    params.region,
    (l) =>
      new l.GetFunctionCommand({
        FunctionName: params.name,
        ...(params.qualifier ? { Qualifier: params.qualifier } : {}),
      }),
    signal,
  );
  const c = out.Configuration ?? {};
  return {
    ...summaryOf(c),
    architectures: c.Architectures ?? ['x86_64'],
    environment: c.Environment?.Variables ?? {},
    layers: (c.Layers ?? []).map((l) => ({ arn: l.Arn ?? '', codeSize: l.CodeSize ?? 0 })),
    tags: out.Tags ?? {},
    ...(c.Handler ? { handler: c.Handler } : {}),
    ...(c.Role ? { role: c.Role } : {}),
    ...(out.Concurrency?.ReservedConcurrentExecutions !== undefined
      ? { reservedConcurrency: out.Concurrency.ReservedConcurrentExecutions }
      : {}),
    ...(c.Version ? { version: c.Version } : {}),
    ...(c.StateReason ? { stateReason: c.StateReason } : {}),
    ...(c.LastUpdateStatus ? { lastUpdateStatus: c.LastUpdateStatus } : {}),
  };
}

export async function listVersions(
  params: { region: string; name: string; token?: string | undefined },
  signal?: AbortSignal,
): Promise<Page<VersionSummary>> {
  const out = await send(
    'lambda',
    params.region,
    (l) =>
      new l.ListVersionsByFunctionCommand({
        FunctionName: params.name,
        MaxItems: 50,
        ...(params.token ? { Marker: params.token } : {}),
      }),
    signal,
  );
  return pageOf(
    (out.Versions ?? []).map((v) => ({
      version: v.Version ?? '',
      ...(v.Description ? { description: v.Description } : {}),
      ...(v.LastModified ? { lastModified: v.LastModified } : {}),
      ...(v.CodeSha256 ? { codeSha256: v.CodeSha256 } : {}),
    })),
    out.NextMarker,
  );
}

export async function listAliases(
  params: { region: string; name: string; token?: string | undefined },
  signal?: AbortSignal,
): Promise<Page<AliasSummary>> {
  const out = await send(
    'lambda',
    params.region,
    (l) =>
      new l.ListAliasesCommand({
        FunctionName: params.name,
        MaxItems: 50,
        ...(params.token ? { Marker: params.token } : {}),
      }),
    signal,
  );
  return pageOf(
    (out.Aliases ?? []).map((a) => ({
      name: a.Name ?? '',
      arn: a.AliasArn ?? '',
      version: a.FunctionVersion ?? '',
      additionalWeights: a.RoutingConfig?.AdditionalVersionWeights ?? {},
      ...(a.Description ? { description: a.Description } : {}),
    })),
    out.NextMarker,
  );
}
