import type { InstanceRecord, StateName } from './model.js';

/** How long each transitional state lasts before it settles (ms). */
export const TRANSITIONS: Partial<Record<StateName, { to: StateName; ms: number }>> = {
  pending: { to: 'running', ms: 2000 },
  stopping: { to: 'stopped', ms: 3000 },
  'shutting-down': { to: 'terminated', ms: 3000 },
};

/** Terminated instances stay visible for about an hour, as on AWS. */
export const TERMINATED_VISIBLE_MS = 60 * 60 * 1000;

/** The state an instance shows at `now`, computed from stored timestamps so it survives restarts. */
export function stateAt(rec: InstanceRecord, now: number): StateName {
  const t = TRANSITIONS[rec.state];
  return t && now - rec.transitionAt >= (rec.transitionMs ?? t.ms) ? t.to : rec.state;
}

/** Whether a terminated instance has aged out and should no longer be listed. */
export function isExpired(rec: InstanceRecord, now: number): boolean {
  if (rec.state !== 'shutting-down' && rec.state !== 'terminated') return false;
  const settle = rec.state === 'shutting-down' ? (rec.transitionMs ?? TRANSITIONS['shutting-down']?.ms ?? 0) : 0;
  return now - rec.transitionAt - settle >= TERMINATED_VISIBLE_MS;
}

/** "2026-11-26 14:00:00 GMT", the form EC2 uses in StateTransitionReason. */
export function gmt(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} GMT`;
}

export interface StateDetails {
  reason: string;
  stateReason: { code: string; message: string } | null;
}

/** StateTransitionReason and StateReason as EC2 reports them for each state. */
export function stateDetails(rec: InstanceRecord, state: StateName): StateDetails {
  switch (state) {
    case 'pending':
      return { reason: '', stateReason: { code: 'pending', message: 'pending' } };
    case 'running':
      return { reason: '', stateReason: null };
    default:
      return {
        reason: `User initiated (${gmt(rec.transitionAt)})`,
        stateReason: {
          code: 'Client.UserInitiatedShutdown',
          message: 'Client.UserInitiatedShutdown: User initiated shutdown',
        },
      };
  }
}

/** An instance holds its public address from launch until it is stopped or terminated. */
export function hasPublicIp(state: StateName): boolean {
  return state === 'pending' || state === 'running' || state === 'stopping' || state === 'shutting-down';
}
