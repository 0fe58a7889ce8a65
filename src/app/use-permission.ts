import { useSyncExternalStore } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useConsoleSession } from './session-context';
import { useRegion } from './use-region';

export interface Permission {
  /** undefined while unknown: the button stays enabled and AWS decides. */
  isAllowed: boolean | undefined;
  /** "Your role does not allow ec2:StopInstances", once known. */
  reason?: string;
}

/** Whether the session has been refused `action` (on `resource`, or everywhere) so far. */
export function useDeniedReason(action: string, resource?: string): string | undefined {
  const { denied } = useConsoleSession().aws;
  useSyncExternalStore(denied.subscribe, denied.snapshot);
  return denied.reasonFor(action, resource);
}

/** True once any write has been refused: the header shows "read-only". */
export function useHasDeniedWrites(): boolean {
  const { denied } = useConsoleSession().aws;
  useSyncExternalStore(denied.subscribe, denied.snapshot);
  return denied.hasDeniedWrites();
}

export interface PermissionProbe {
  /** Identifies the probe in the cache, e.g. ['ec2', 'StopInstances', instanceId]. */
  key: readonly unknown[];
  run: (signal: AbortSignal) => Promise<{ isAllowed: boolean; reason?: string }>;
}

/**
 * What an action button needs to know before it is pressed: the session's memory of denials, plus an
 * optional probe (EC2 DryRun) that asks AWS without doing anything. Probes are cached for the session.
 */
export function usePermission(action: string, resource?: string, probe?: PermissionProbe): Permission {
  const region = useRegion();
  const { denied } = useConsoleSession().aws;
  const known = useDeniedReason(action, resource);
  const probed = useQuery({
    queryKey: ['aws', region, 'permission-probe', action, resource, ...(probe?.key ?? [])],
    queryFn: async ({ signal }) => {
      const r = await probe!.run(signal);
      if (!r.isAllowed) denied.markDenied(action, resource);
      return r;
    },
    enabled: probe !== undefined && known === undefined,
    staleTime: Infinity,
    retry: false,
    meta: { isSilent: true },
  });
  if (known) return { isAllowed: false, reason: known };
  if (probed.data)
    return probed.data.isAllowed
      ? { isAllowed: true }
      : { isAllowed: false, reason: probed.data.reason ?? `Your role does not allow ${action}` };
  return { isAllowed: undefined };
}
