import { toAppError } from '../errors';
import { send } from '../send';
import type { SdkModule } from '../sdk-modules';

type Ec2 = SdkModule<'ec2'>;

export interface ProbeResult {
  isAllowed: boolean;
  /** The IAM action EC2 checked, e.g. ec2:StopInstances. */
  action: string;
  reason?: string;
}

/**
 * Ask EC2 whether the caller may make a call, without making it (DryRun): DryRunOperation means
 * allowed, UnauthorizedOperation means denied. Used to disable buttons with the reason up front.
 */
export async function dryRun(
  params: { region: string; action: string; command: (ec2: Ec2) => object },
  signal?: AbortSignal,
): Promise<ProbeResult> {
  try {
    await send('ec2', params.region, params.command, signal);
    // An endpoint that ignores DryRun and performed nothing harmful still says "allowed".
    return { isAllowed: true, action: params.action };
  } catch (e) {
    const err = toAppError(e);
    if (err.code === 'DryRunOperation') return { isAllowed: true, action: params.action };
    if (err.kind === 'forbidden')
      return {
        isAllowed: false,
        action: err.action ?? params.action,
        reason: `Your role does not allow ${err.action ?? params.action}`,
      };
    throw e;
  }
}
