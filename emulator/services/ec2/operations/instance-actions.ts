import { AwsError } from '../../../core/errors.js';
import { booleanParam, items } from '../../../protocols/ec2-query.js';
import type { XmlNode } from '../../../protocols/xml.js';
import { findInstances, instanceIdsParam, requireIds, type Ec2Call, type Ec2Handler } from '../call.js';
import { stateAt } from '../lifecycle.js';
import type { InstanceRecord, StateName } from '../model.js';
import { publicIpFor } from '../network.js';
import { stateXml } from '../serialize.js';

/** What an action does to an instance in a given state: a new state, nothing, or a refusal. */
type Transition = (rec: InstanceRecord, state: StateName, call: Ec2Call) => InstanceRecord | 'unchanged' | 'refuse';

function incorrectState(id: string, verb: string): AwsError {
  return new AwsError('IncorrectInstanceState', `The instance '${id}' is not in a state from which it can be ${verb}.`);
}

/** Validate every instance first, so a refused call changes nothing, then store and report the changes. */
function act(call: Ec2Call, verb: string, transition: Transition): XmlNode[] {
  const ids = instanceIdsParam(call.params);
  requireIds(ids);
  const records = findInstances(call, ids);
  const planned = records.map((rec) => {
    const previous = stateAt(rec, call.now);
    const next = transition(rec, previous, call);
    if (next === 'refuse') throw incorrectState(rec.id, verb);
    return { rec: next === 'unchanged' ? rec : next, previous, changed: next !== 'unchanged' };
  });
  const changed = planned.filter((p) => p.changed).map((p) => p.rec);
  if (changed.length) call.store.update(changed);
  return planned.map((p) => ({
    instanceId: p.rec.id,
    currentState: stateXml(stateAt(p.rec, call.now)),
    previousState: stateXml(p.previous),
  }));
}

function enter(
  rec: InstanceRecord,
  state: StateName,
  now: number,
  extra: Partial<InstanceRecord> = {},
): InstanceRecord {
  const { transitionMs: _dropped, ...rest } = rec;
  return { ...rest, state, transitionAt: now, ...extra };
}

export const startInstances: Ec2Handler = (call) => ({
  instancesSet: items(
    act(call, 'started', (rec, state, { now }) => {
      if (state === 'stopped') {
        return enter(rec, 'pending', now, {
          launchTime: new Date(now).toISOString(),
          publicIp: publicIpFor(rec.id, now),
        });
      }
      return state === 'pending' || state === 'running' ? 'unchanged' : 'refuse';
    }),
  ),
});

export const stopInstances: Ec2Handler = (call) => {
  const force = booleanParam(call.params, 'Force');
  return {
    instancesSet: items(
      act(call, 'stopped', (rec, state, { now }) => {
        if (state === 'running') return enter(rec, 'stopping', now, force ? { transitionMs: 1000 } : {});
        // A forced stop hurries an instance already stopping.
        if (state === 'stopping' && force)
          return { ...rec, transitionMs: Math.min(rec.transitionMs ?? 3000, now - rec.transitionAt + 1000) };
        return state === 'stopped' || state === 'stopping' ? 'unchanged' : 'refuse';
      }),
    ),
  };
};

export const terminateInstances: Ec2Handler = (call) => ({
  instancesSet: items(
    act(call, 'terminated', (rec, state, { now }) =>
      state === 'terminated' || state === 'shutting-down' ? 'unchanged' : enter(rec, 'shutting-down', now),
    ),
  ),
});

export const rebootInstances: Ec2Handler = (call) => {
  // A reboot keeps the instance running; only states that cannot reboot are refused.
  act(call, 'rebooted', (_rec, state) => (state === 'running' || state === 'pending' ? 'unchanged' : 'refuse'));
  return { return: true };
};
