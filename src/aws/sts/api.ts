import { send } from '../send';

export interface CallerIdentity {
  account?: string;
  arn?: string;
  /** The IAM role the session works as (from an assumed-role ARN), when it is one. */
  roleName?: string;
}

/** arn:aws:sts::123456789012:assumed-role/ConsoleAdmin/CognitoIdentityCredentials -> ConsoleAdmin */
export function roleNameOf(arn: string | undefined): string | undefined {
  return arn ? /:assumed-role\/([^/]+)\//.exec(arn)?.[1] : undefined;
}

export async function getCallerIdentity(params: { region: string }, signal?: AbortSignal): Promise<CallerIdentity> {
  const out = await send('sts', params.region, (sts) => new sts.GetCallerIdentityCommand({}), signal);
  const roleName = roleNameOf(out.Arn);
  return {
    ...(out.Account ? { account: out.Account } : {}),
    ...(out.Arn ? { arn: out.Arn } : {}),
    ...(roleName ? { roleName } : {}),
  };
}
