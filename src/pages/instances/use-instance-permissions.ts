import { dryRun } from '../../aws/ec2/dry-run';
import { OPERATION_OF } from '../../aws/ec2/actions';
import type { InstanceAction } from '../../aws/ec2/instances';
import { useRegion } from '../../app/use-region';
import { usePermission, type Permission, type PermissionProbe } from '../../app/use-permission';

/**
 * Asks EC2 with DryRun whether the role may act on `sampleId` (an instance on screen) before the
 * buttons are enabled. One probe per action per region and session: a role that may stop one instance
 * may usually stop them all, and a refusal of a particular one still shows beside it.
 */
function useProbe(
  operation: string,
  sampleId: string | undefined,
  command: (ec2: Ec2, id: string) => object,
): Permission {
  const region = useRegion();
  const probe: PermissionProbe | undefined = sampleId
    ? {
        key: ['ec2', operation],
        run: (signal) =>
          dryRun({ region, action: `ec2:${operation}`, command: (ec2) => command(ec2, sampleId) }, signal),
      }
    : undefined;
  return usePermission(`ec2:${operation}`, undefined, probe);
}

type Ec2 = Parameters<Parameters<typeof dryRun>[0]['command']>[0];

export type ActionPermissions = Record<InstanceAction, Permission>;

export function useInstanceActionPermissions(sampleId: string | undefined): ActionPermissions {
  return {
    start: useProbe(
      OPERATION_OF.start,
      sampleId,
      (ec2, id) => new ec2.StartInstancesCommand({ InstanceIds: [id], DryRun: true }),
    ),
    stop: useProbe(
      OPERATION_OF.stop,
      sampleId,
      (ec2, id) => new ec2.StopInstancesCommand({ InstanceIds: [id], DryRun: true }),
    ),
    reboot: useProbe(
      OPERATION_OF.reboot,
      sampleId,
      (ec2, id) => new ec2.RebootInstancesCommand({ InstanceIds: [id], DryRun: true }),
    ),
    terminate: useProbe(
      OPERATION_OF.terminate,
      sampleId,
      (ec2, id) => new ec2.TerminateInstancesCommand({ InstanceIds: [id], DryRun: true }),
    ),
  };
}

/** Tag editing needs CreateTags (and DeleteTags to remove): both asked with DryRun. */
export function useTagPermission(sampleId: string | undefined): Permission {
  const create = useProbe(
    'CreateTags',
    sampleId,
    (ec2, id) =>
      new ec2.CreateTagsCommand({
        Resources: [id],
        Tags: [{ Key: 'console-permission-check', Value: '' }],
        DryRun: true,
      }),
  );
  const remove = useProbe(
    'DeleteTags',
    sampleId,
    (ec2, id) =>
      new ec2.DeleteTagsCommand({ Resources: [id], Tags: [{ Key: 'console-permission-check' }], DryRun: true }),
  );
  if (create.isAllowed === false) return create;
  if (remove.isAllowed === false) return remove;
  return create.isAllowed && remove.isAllowed ? { isAllowed: true } : { isAllowed: undefined };
}
