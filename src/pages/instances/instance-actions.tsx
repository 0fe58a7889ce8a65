import { Play, RotateCw, Square, Trash2 } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import type { Instance, InstanceAction } from '../../aws/ec2/instances';
import { useInstanceAction } from '../../aws/ec2/mutations';
import type { ActionsMenuItem } from '../../components/ui/menu';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { Checkbox } from '../../components/ui/field';
import type { ActionPermissions } from './use-instance-permissions';

/** One icon per action, everywhere (row menu, toolbar, detail header). */
export const ACTION_ICON: Record<InstanceAction, ReactNode> = {
  start: <Play aria-hidden />,
  stop: <Square aria-hidden />,
  reboot: <RotateCw aria-hidden />,
  terminate: <Trash2 aria-hidden />,
};

export const ACTION_LABEL: Record<InstanceAction, string> = {
  start: 'Start',
  stop: 'Stop',
  reboot: 'Reboot',
  terminate: 'Terminate',
};

const ACTIONS: InstanceAction[] = ['start', 'stop', 'reboot', 'terminate'];

/** Whether the shown state allows the action (EC2 has the last word: the row may be stale). */
export function appliesTo(action: InstanceAction, state: string): boolean {
  switch (action) {
    case 'start':
      return state === 'stopped';
    case 'stop':
      return state === 'running' || state === 'stopping';
    case 'reboot':
      return state === 'running';
    case 'terminate':
      return state !== 'terminated' && state !== 'shutting-down';
  }
}

const NOT_APPLICABLE: Record<InstanceAction, string> = {
  start: 'Only a stopped instance can be started',
  stop: 'Only a running instance can be stopped',
  reboot: 'Only a running instance can be rebooted',
  terminate: 'Already terminated or shutting down',
};

const PAST: Record<InstanceAction, string> = {
  start: 'started',
  stop: 'stopped',
  reboot: 'rebooted',
  terminate: 'terminated',
};

export function displayName(i: Instance): string {
  return i.name ? `${i.name} (${i.id})` : i.id;
}

interface Pending {
  action: Exclude<InstanceAction, 'start'>;
  instances: Instance[];
}

/**
 * The four actions for one instance or a selection: why each is unavailable (the role, per DryRun, or
 * the state), the confirm each needs (none for start, a plain one for stop and reboot, a typed one for
 * terminate), and the dialogs to render.
 */
export function useInstanceActions(region: string, permissions: ActionPermissions) {
  const mutation = useInstanceAction(region);
  const [pending, setPending] = useState<Pending | undefined>();
  const [force, setForce] = useState(false);

  const reasonFor = (action: InstanceAction, instances: Instance[]): string | undefined => {
    const denied = permissions[action].reason;
    if (permissions[action].isAllowed === false) return denied ?? `Your role does not allow this action`;
    if (instances.length === 0) return 'Select one or more instances';
    if (!instances.some((i) => appliesTo(action, i.state)))
      return instances.length === 1 ? NOT_APPLICABLE[action] : `None of the selected instances can be ${PAST[action]}`;
    return undefined;
  };

  const request = (action: InstanceAction, instances: Instance[]) => {
    const targets = instances.filter((i) => appliesTo(action, i.state));
    if (targets.length === 0) return;
    if (action === 'start') {
      mutation.mutate({ action, ids: targets.map((i) => i.id) });
      return;
    }
    setForce(false);
    setPending({ action, instances: targets });
  };

  const menuItems = (instances: Instance[]): ActionsMenuItem[] =>
    ACTIONS.map((action) => {
      const reason = reasonFor(action, instances);
      return {
        label: ACTION_LABEL[action],
        icon: ACTION_ICON[action],
        onSelect: () => request(action, instances),
        ...(reason ? { disabledReason: reason } : {}),
        ...(action === 'terminate' ? { isDestructive: true, separatorBefore: true } : {}),
      };
    });

  const close = (open: boolean) => {
    if (!open) setPending(undefined);
  };
  const confirm = () => {
    if (!pending) return;
    return mutation.mutateAsync({
      action: pending.action,
      ids: pending.instances.map((i) => i.id),
      ...(pending.action === 'stop' && force ? { force: true } : {}),
    });
  };
  // What the dialog's action will send, from the mutation's plan (the api's own input builder).
  const getCode = () =>
    pending ? mutation.codeFor({ action: pending.action, ids: pending.instances.map((i) => i.id), force }) : undefined;
  const names = pending?.instances.map(displayName) ?? [];
  const count = pending?.instances.length ?? 0;
  const only = pending?.instances[0];
  const noun = { one: 'instance', other: 'instances' };

  const dialogs = (
    <>
      <ConfirmDialog
        open={pending?.action === 'stop'}
        onOpenChange={close}
        verb="Stop"
        noun={noun}
        names={names}
        tone="primary"
        consequence={
          <>
            The {count === 1 ? 'instance shuts' : 'instances shut'} down and {count === 1 ? 'keeps its' : 'keep their'}{' '}
            EBS volumes; data on instance store volumes is lost and the public IP address is released. You can start{' '}
            {count === 1 ? 'it' : 'them'} again later.
          </>
        }
        onConfirm={confirm}
        getCode={getCode}
      >
        <Checkbox
          label="Force stop"
          checked={force}
          onChange={setForce}
          description="Skip the operating system's orderly shutdown, like pulling the plug. For an instance stuck in stopping."
        />
      </ConfirmDialog>
      <ConfirmDialog
        open={pending?.action === 'reboot'}
        onOpenChange={close}
        verb="Reboot"
        noun={noun}
        names={names}
        tone="primary"
        consequence="The operating system restarts. The instance stays running and keeps its addresses and volumes."
        onConfirm={confirm}
        getCode={getCode}
      />
      <ConfirmDialog
        open={pending?.action === 'terminate'}
        onOpenChange={close}
        verb="Terminate"
        noun={noun}
        names={names}
        consequence={
          <>
            Terminating cannot be undone: {count === 1 ? 'the instance is' : `all ${count} instances are`} shut down and
            deleted, with volumes set to delete on termination.
          </>
        }
        confirmText={count === 1 && only ? (only.name ?? only.id) : `terminate ${count}`}
        onConfirm={confirm}
        getCode={getCode}
      />
    </>
  );

  return { menuItems, reasonFor, request, dialogs, isPending: mutation.isPending };
}
