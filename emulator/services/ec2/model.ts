/** An instance as stored. Its visible state is derived from `state` and `transitionAt` (see lifecycle.ts). */
export interface InstanceRecord {
  id: string;
  region: string;
  reservationId: string;
  imageId: string;
  instanceType: string;
  architecture: string;
  keyName: string | null;
  availabilityZone: string;
  subnetId: string;
  vpcId: string;
  privateIp: string;
  /** Assigned at each start; shown only while the instance is up. */
  publicIp: string;
  securityGroups: Array<{ groupId: string; groupName: string }>;
  /** ISO time of the last launch or start. */
  launchTime: string;
  amiLaunchIndex: number;
  clientToken: string | null;
  /** The state entered by the last action; a transitional one settles once its duration has passed. */
  state: StateName;
  /** Epoch ms when that state was entered (the user's action time). */
  transitionAt: number;
  /** How long the transitional state lasts, when not the usual (a forced stop is quicker). */
  transitionMs?: number;
  tags: Array<{ key: string; value: string }>;
}

export type StateName = 'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';

export const STATE_CODES: Record<StateName, number> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

/** ids as AWS makes them: i- plus 17 hex digits (older ones have 8). */
export const INSTANCE_ID = /^i-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
